# syntax=docker/dockerfile:1
#
# Images for a pdx network: pdx itself (owner/brand daemon, proxy, contract
# deployment), the chain node (geth, built from the go-ethereum module pdx
# pins) and the IPFS node (kubo's ipfs, built from the kubo module pdx pins).
#
#   docker build --target pdx  -t pdx:dev  .
#   docker build --target geth -t pdx-geth:dev .
#   docker build --target kubo -t pdx-kubo:dev .
#
# Every binary is statically linked against glibc, so the images are
# `scratch` plus a static busybox (a shell and wget for entrypoint scripts and healthchecks),
# CA certificates and an unprivileged user (uid/gid 10001). deploy/
# dockerfile_test.go runs the `go build` lines below, with the same
# environment, and checks the results have no interpreter and no shared
# libraries.
#
# Versions are not chosen here: go.mod pins kubo and go-ethereum (its tool
# block), and go.sum checks what is downloaded.

ARG GO_IMAGE=golang:1.26.5-trixie
ARG BUSYBOX_IMAGE=busybox:1.37.0-musl

# ---- sources and modules, shared by the three builds -----------------------
FROM ${GO_IMAGE} AS src
WORKDIR /src
# OUT is where the builds write. The three builds use the go command's
# defaults (cgo on, no build tags), so they share every compiled package
# with an ordinary `go build`; only the link differs: external, static.
ENV OUT=/out GOFLAGS=-buildvcs=false
COPY go.mod go.sum ./
RUN go mod download
COPY . .

# ---- pdx: cgo (libsecp256k1 through go-ethereum), linked statically --------
FROM src AS build-pdx
ENV CGO_ENABLED=1
RUN go build -ldflags '-s -w -linkmode external -extldflags "-static"' -o "$OUT/pdx" ./cmd/pdx

# ---- geth: the same cgo static link as pdx ---------------------------------
FROM src AS build-geth
ENV CGO_ENABLED=1
RUN go build -ldflags '-s -w -linkmode external -extldflags "-static"' -o "$OUT/geth" github.com/ethereum/go-ethereum/cmd/geth

# ---- kubo: the same static link -------------------------------------------
FROM src AS build-kubo
ENV CGO_ENABLED=1
RUN go build -ldflags '-s -w -linkmode external -extldflags "-static"' -o "$OUT/ipfs" github.com/ipfs/kubo/cmd/ipfs

# ---- the common root file system -------------------------------------------
FROM ${BUSYBOX_IMAGE} AS rootfs
# /data is the one data directory of every image, owned by the runtime
# user so that a fresh named volume mounted there is writable. The images
# declare no VOLUME: a container that mounts nothing there (a one-shot such
# as the deploy step) would leak an anonymous volume on every run, which
# `docker compose down -v` does not remove; the compose file names a
# volume for every service that keeps state.
RUN mkdir -p /rootfs/bin /rootfs/etc /rootfs/data /rootfs/tmp /rootfs/usr/local/bin \
 && cp /bin/busybox /rootfs/bin/busybox \
 && for c in sh wget test cat mkdir; do ln -s busybox "/rootfs/bin/$c"; done \
 && echo 'root:x:0:0:root:/root:/bin/sh' > /rootfs/etc/passwd \
 && echo 'pdx:x:10001:10001:pdx:/data:/bin/sh' >> /rootfs/etc/passwd \
 && echo 'root:x:0:' > /rootfs/etc/group \
 && echo 'pdx:x:10001:' >> /rootfs/etc/group \
 && chown 10001:10001 /rootfs/data \
 && chmod 1777 /rootfs/tmp

# ---- images ----------------------------------------------------------------
# GODEBUG=netdns=go: name lookups use Go's resolver, never glibc's
# getaddrinfo, which in a static binary would need NSS modules the image
# does not have (the linker warns about it; the setting makes it moot).
FROM scratch AS pdx
COPY --from=rootfs /rootfs/ /
COPY --from=src /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build-pdx /out/pdx /usr/local/bin/pdx
ENV PATH=/usr/local/bin:/bin HOME=/data PDX_HOME=/data/home GODEBUG=netdns=go
USER 10001:10001
WORKDIR /data
# 5180: the daemon's API; a proxy listens where --listen says (compose: 8700).
EXPOSE 5180 8700
ENTRYPOINT ["pdx"]
CMD ["--help"]

FROM scratch AS geth
COPY --from=rootfs /rootfs/ /
COPY --from=src /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build-geth /out/geth /usr/local/bin/geth
ENV PATH=/usr/local/bin:/bin HOME=/data GODEBUG=netdns=go
USER 10001:10001
WORKDIR /data
EXPOSE 8545 30303
ENTRYPOINT ["geth"]
CMD ["--help"]

FROM scratch AS kubo
COPY --from=rootfs /rootfs/ /
COPY --from=src /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build-kubo /out/ipfs /usr/local/bin/ipfs
ENV PATH=/usr/local/bin:/bin HOME=/data IPFS_PATH=/data/ipfs IPFS_TELEMETRY=off GODEBUG=netdns=go
USER 10001:10001
WORKDIR /data
EXPOSE 4001 5001
ENTRYPOINT ["ipfs"]
CMD ["--help"]
