#!/bin/sh
# images.sh: build the three images of the Dockerfile (pdx, pdx-geth,
# pdx-kubo) on a host where no image registry answers. The Dockerfile is
# used as it is; only its base images are made locally and passed through
# its GO_IMAGE and BUSYBOX_IMAGE build args:
#   GO_IMAGE      = this host's Go toolchain (/usr/local/go or `go env GOROOT`)
#                   and the Debian packages cgo needs (gcc, libc6-dev), taken
#                   from the host's dpkg database and imported with `docker import`,
#                   together with the host's Go caches for exactly these builds
#                   (below);
#   BUSYBOX_IMAGE = Debian's static busybox (busybox-static) with its applets.
# When the registry answers, the Dockerfile's own defaults are used instead.
#
# Why the Go caches: compiled cold inside the image, the three `go build`s
# take about 12 minutes on 2 cores (each stage starts from an empty build
# cache), while the host compiles the same packages anyway (make test runs
# the Dockerfile's `go build` lines in deploy/dockerfile_test.go, and
# internal/testbin builds geth and kubo). So this script runs the
# Dockerfile's `go build` lines on the host first, with the Dockerfile's
# environment, and records with GODEBUG=gocachehash=1 which build-cache
# entries they use; the base image carries those entries and the modules of
# `go mod download` at the host's own GOCACHE and GOMODCACHE paths. The go
# command's cache keys include a package's directory, so with the same
# toolchain, gcc and paths the image's builds find every dependency compiled
# and only pdx's own packages (under /src) and the links remain. The images
# are the same: the same Dockerfile steps produce the same binaries, apart
# from the module cache's path recorded in them (/root/go/pkg/mod where the
# official golang image has /go/pkg/mod). The base image is tagged with
# go.sum's hash, so a change of modules makes a new one.
#
# The builds use the host's network (go mod download reaches the Go module
# proxy the host reaches, for anything the caches lack) and the classic
# builder (BuildKit would fetch the `# syntax=` frontend image from a
# registry). Make target: images-offline.
set -eu
cd "$(dirname "$0")/../.."
DOCKER=${DOCKER:-docker}
PDX_IMAGE=${PDX_IMAGE:-pdx:dev}
GETH_IMAGE=${GETH_IMAGE:-pdx-geth:dev}
KUBO_IMAGE=${KUBO_IMAGE:-pdx-kubo:dev}
GOROOT=$(go env GOROOT)
GOVERSION=$(go env GOVERSION)
GOCACHE=$(go env GOCACHE)
GOMODCACHE=$(go env GOMODCACHE)
sum=$(sha256sum go.sum | cut -c1-12)
go_image=pdx-local/go:$GOVERSION-$sum
busybox_image=pdx-local/busybox:static

have() { $DOCKER image inspect "$1" >/dev/null 2>&1; }
sudo=; [ "$(id -u)" = 0 ] || sudo=sudo

# caches TMP: build the Dockerfile's `go build` lines on the host (each as
# the Dockerfile runs it: sh -c, the stage's ENV, in the source tree), then
# print the paths of the build-cache entries they used (each action's entry
# and its output) and of the modules `go mod download` needs (their
# directories, zips and metadata).
caches() {
  mkdir -p "$1/out"
  sed -n 's/^RUN \(go build .*\)$/\1/p' Dockerfile > "$1/builds"
  [ -s "$1/builds" ] || { echo "images-offline: no 'RUN go build' line in the Dockerfile" >&2; exit 1; }
  start=$(date +%s)
  while read -r b; do
    OUT="$1/out" GOFLAGS=-buildvcs=false CGO_ENABLED=1 GODEBUG=gocachehash=1 sh -c "$b" 2>>"$1/hash" ||
      { grep -v '^HASH' "$1/hash" >&2; echo "images-offline: on the host, $b failed" >&2; exit 1; }
  done < "$1/builds"
  echo "images-offline: the Dockerfile's go builds ran on the host in $(( $(date +%s) - start ))s" >&2
  sed -n 's/^HASH\[build [^]]*\]: \([0-9a-f]\{64\}\)$/\1/p; s/^HASH subkey .* = \([0-9a-f]\{64\}\)$/\1/p' "$1/hash" |
    sort -u | awk -v c="$GOCACHE" '{print c "/" substr($1,1,2) "/" $1 "-a"}' > "$1/actions"
  while read -r f; do if [ -f "$f" ]; then echo "$f"; fi; done < "$1/actions" > "$1/entries"
  # An action entry is "v1 <action> <output> <size> <time>".
  xargs cat < "$1/entries" | awk -v c="$GOCACHE" '{print c "/" substr($3,1,2) "/" $3 "-d"}' |
    while read -r f; do if [ -f "$f" ]; then echo "$f"; fi; done >> "$1/entries"
  cat "$1/entries"
  GOFLAGS= go mod download -json | sed -n 's/^[[:space:]]*"\(Dir\|Zip\|Info\|GoMod\)": "\(.*\)",\{0,1\}$/\2/p' |
    while read -r f; do
      if [ -d "$f" ]; then find "$f"; else echo "$f"; if [ -f "$f"hash ]; then echo "$f"hash; fi; fi
    done
  rm -rf "$1/out" "$1/hash"
}

registry=no
if timeout 20 $DOCKER pull -q busybox:1.37.0-musl >/dev/null 2>&1; then registry=yes; fi

build_args=
if [ "$registry" = no ]; then
  echo "images-offline: no registry answers; making base images from this host" >&2
  if ! have "$go_image"; then
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    # The packages gcc and libc6-dev need, closed over their dependencies.
    pkgs=$(dpkg-query -W -f='${Package}\n' gcc libc6-dev dash bash coreutils ca-certificates tar gzip findutils grep sed)
    seen=
    while [ -n "$pkgs" ]; do
      next=
      for p in $pkgs; do
        case " $seen " in *" $p "*) continue;; esac
        dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || continue
        seen="$seen $p"
        next="$next $(dpkg-query -W -f='${Depends}, ${Pre-Depends}' "$p" | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/:any//; s/ //g' | grep -v '^$' || true)"
      done
      pkgs=$next
    done
    for p in $seen; do dpkg -L "$p"; done | while read -r f; do
      case "$f" in /.|/usr/share/doc/*|/usr/share/man/*|/usr/share/info/*|/usr/share/locale/*) continue;; esac
      d=$(dirname "$f"); [ -d "$d" ] || continue
      r="$(cd "$d" && pwd -P)/$(basename "$f")"
      if [ -L "$r" ] || { [ -e "$r" ] && [ ! -d "$r" ]; }; then echo "${r#/}"; fi
    done | sort -u > "$tmp/files"
    root=$tmp/root
    mkdir -p "$root/tmp" "$root/etc" "$root/go" "$root/usr/local"
    chmod 1777 "$root/tmp"
    ln -s usr/bin "$root/bin"; ln -s usr/lib "$root/lib"; ln -s usr/lib64 "$root/lib64"; ln -s usr/sbin "$root/sbin"
    (cd / && cp -a --parents $(cat "$tmp/files") etc/ssl/certs/ca-certificates.crt "$root/")
    cp -a "$GOROOT" "$root/usr/local/go"
    # Each file once: an entry named twice (the empty output's, say) would
    # become a hard link to itself, which docker import refuses.
    caches "$tmp" | sed 's|^/||' | sort -u > "$tmp/cachefiles"
    echo "images-offline: the base image carries $(wc -l < "$tmp/cachefiles") files of the host's Go caches" >&2
    echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
    echo 'root:x:0:' > "$root/etc/group"
    # One tar stream, straight into docker import: the file system made
    # above, then the cache files from where they are (no copy on disk).
    tar -cf - --hard-dereference -C "$root" . --no-recursion -C / -T "$tmp/cachefiles" | $DOCKER import \
      --change 'ENV PATH=/usr/local/go/bin:/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV GOPATH=/go' --change 'ENV GOTOOLCHAIN=local' \
      --change "ENV GOPROXY=$(go env GOPROXY)" --change 'WORKDIR /' \
      --change "ENV GOCACHE=$GOCACHE" --change "ENV GOMODCACHE=$GOMODCACHE" \
      - "$go_image" >/dev/null
    rm -rf "$tmp"; trap - EXIT
    # Base images made for an older go.sum or toolchain: each carries its
    # caches (some GB), so only the current one is kept.
    for old in $($DOCKER image ls --format '{{.Repository}}:{{.Tag}}' pdx-local/go); do
      [ "$old" = "$go_image" ] || $DOCKER image rm "$old" >/dev/null 2>&1 || true
    done
  fi
  if ! have "$busybox_image"; then
    if [ ! -x /bin/busybox ] || ! file -L /bin/busybox 2>/dev/null | grep -q 'statically linked'; then
      $sudo apt-get install -y --no-install-recommends busybox-static >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends busybox-static >/dev/null; }
    fi
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/bin" "$tmp/tmp" "$tmp/etc"; chmod 1777 "$tmp/tmp"
    cp /bin/busybox "$tmp/bin/busybox"
    for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -s busybox "$tmp/bin/$a"; done
    echo 'root:x:0:0:root:/root:/bin/sh' > "$tmp/etc/passwd"; echo 'root:x:0:' > "$tmp/etc/group"
    tar -C "$tmp" -cf - . | $DOCKER import --change 'ENV PATH=/bin' - "$busybox_image" >/dev/null
    rm -rf "$tmp"; trap - EXIT
  fi
  build_args="--build-arg GO_IMAGE=$go_image --build-arg BUSYBOX_IMAGE=$busybox_image"
fi

for t in "pdx $PDX_IMAGE" "geth $GETH_IMAGE" "kubo $KUBO_IMAGE"; do
  set -- $t
  start=$(date +%s)
  # shellcheck disable=SC2086
  DOCKER_BUILDKIT=0 $DOCKER build -q --network host $build_args --target "$1" -t "$2" . >/dev/null
  echo "images-offline: $2 built in $(( $(date +%s) - start ))s, $($DOCKER image inspect -f '{{.Size}}' "$2" | awk '{printf "%.1f MB", $1/1e6}')" >&2
done
