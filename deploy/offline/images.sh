#!/bin/sh
# images.sh: build the three images of the Dockerfile (pdx, pdx-geth,
# pdx-kubo) on a host where no image registry answers. The Dockerfile is
# used as it is; only its base images are made locally and passed through
# its GO_IMAGE and BUSYBOX_IMAGE build args:
#   GO_IMAGE      = this host's Go toolchain (/usr/local/go or `go env GOROOT`)
#                   and the Debian packages cgo needs (gcc, libc6-dev), taken
#                   from the host's dpkg database and imported with `docker import`;
#   BUSYBOX_IMAGE = Debian's static busybox (busybox-static) with its applets.
# When the registry answers, the Dockerfile's own defaults are used instead.
# The builds use the host's network (go mod download reaches the Go module
# proxy the host reaches) and the classic builder (BuildKit would fetch the
# `# syntax=` frontend image from a registry). Make target: images-offline.
set -eu
cd "$(dirname "$0")/../.."
DOCKER=${DOCKER:-docker}
PDX_IMAGE=${PDX_IMAGE:-pdx:dev}
GETH_IMAGE=${GETH_IMAGE:-pdx-geth:dev}
KUBO_IMAGE=${KUBO_IMAGE:-pdx-kubo:dev}
GOROOT=$(go env GOROOT)
GOVERSION=$(go env GOVERSION)
go_image=pdx-local/go:$GOVERSION
busybox_image=pdx-local/busybox:static

have() { $DOCKER image inspect "$1" >/dev/null 2>&1; }
sudo=; [ "$(id -u)" = 0 ] || sudo=sudo

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
    echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
    echo 'root:x:0:' > "$root/etc/group"
    tar -C "$root" -cf "$tmp/base.tar" .
    $DOCKER import \
      --change 'ENV PATH=/usr/local/go/bin:/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV GOPATH=/go' --change 'ENV GOTOOLCHAIN=local' \
      --change "ENV GOPROXY=$(go env GOPROXY)" --change 'WORKDIR /' \
      "$tmp/base.tar" "$go_image" >/dev/null
    rm -rf "$tmp"; trap - EXIT
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
