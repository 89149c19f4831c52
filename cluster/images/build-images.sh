#!/usr/bin/env bash
# Builds the cluster's container images from Debian packages with mmdebstrap (no registry,
# no Docker) into docker-archive tarballs under a cache directory keyed by a hash of this
# recipe. Prints the cache directory on stdout. Skips images that are already cached.
#
#   kjd.local/pause:3.10              static C pause (pause.c), single layer from scratch
#   kjd.local/simple-java:jreN-1      JRE N (headless) + tini + the seed's Simple class in /app
#   kjd.local/jdk:N-1                 full JDK N (jcmd...) + sh, coreutils, util-linux (setpriv), procps
#   kjd.local/simple-java:jre17-distroless-1
#                                     the jre17 app with no shell and no coreutils (a distroless-like target)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
HERE="${KJD_CLUSTER_DIR}/images"

# name|suite|packages|config-json
IMAGES=(
  "kjd.local/pause:3.10|-|-|-"
  "kjd.local/simple-java:jre8-1|sid|openjdk-8-jre-headless,tini|app"
  "kjd.local/simple-java:jre11-1|sid|openjdk-11-jre-headless,tini|app"
  "kjd.local/simple-java:jre17-1|sid|openjdk-17-jre-headless,tini|app"
  "kjd.local/simple-java:jre21-1|sid|openjdk-21-jre-headless,tini|app"
  "kjd.local/simple-java:jre25-1|sid|openjdk-25-jre-headless,tini|app"
  # The app with a numeric USER in the image (no runAsUser in the pod tells it): the scout scenario.
  "kjd.local/simple-java:jre17-user1000-1|sid|openjdk-17-jre-headless,tini|app-user1000"
  # Derived from the jre17 app image: its rootfs less every shell and every coreutils file.
  "kjd.local/simple-java:jre17-distroless-1|derived|kjd.local/simple-java:jre17-1|app"
  "kjd.local/jdk:25-1|sid|openjdk-25-jdk-headless,util-linux,procps|jdk"
  "kjd.local/jdk:21-1|sid|openjdk-21-jdk-headless,util-linux,procps|jdk"
  "kjd.local/jdk:17-1|sid|openjdk-17-jdk-headless,util-linux,procps|jdk"
)

recipe_hash() {
  cat "$HERE/build-images.sh" "$HERE/mkimage.sh" "$HERE/pause.c" "$HERE/Simple.java" | sha256sum | cut -c1-12
}
IMG_DIR="${CACHE_DIR}/images-$(recipe_hash)"

tar_name() { local r="${1#kjd.local/}"; echo "${r//[\/:]/_}.tar"; }

PATH_ENV='"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"'
config_for() {
  case "$1" in
    app) echo "{\"Env\":[${PATH_ENV},\"LANG=C.UTF-8\"],\"Cmd\":[\"/usr/bin/tini\",\"--\",\"java\",\"Simple\"],\"WorkingDir\":\"/app\"}" ;;
    app-user1000) echo "{\"Env\":[${PATH_ENV},\"LANG=C.UTF-8\"],\"Cmd\":[\"/usr/bin/tini\",\"--\",\"java\",\"Simple\"],\"WorkingDir\":\"/app\",\"User\":\"1000:1000\"}" ;;
    jdk) echo "{\"Env\":[${PATH_ENV},\"LANG=C.UTF-8\"],\"Cmd\":[\"sleep\",\"infinity\"],\"WorkingDir\":\"/\"}" ;;
    pause) echo '{"Entrypoint":["/pause"],"WorkingDir":"/"}' ;;
  esac
}

build_pause() { # out
  local work; work="$(mktemp -d)"
  gcc -static -Os -s -o "$work/pause" "$HERE/pause.c"
  tar -C "$work" --owner=0 --group=0 --numeric-owner --mtime=@0 -cf "$work/rootfs.tar" pause
  "$HERE/mkimage.sh" "$1" "kjd.local/pause:3.10" "$work/rootfs.tar" "$(config_for pause)"
  rm -rf "$work"
}

SIMPLE_CLASS_DIR=""
simple_class() {
  [[ -n "$SIMPLE_CLASS_DIR" ]] && return 0
  command -v javac > /dev/null || ensure_pkgs openjdk-17-jdk-headless
  SIMPLE_CLASS_DIR="$(mktemp -d)"
  javac --release 8 -d "$SIMPLE_CLASS_DIR" "$HERE/Simple.java" 2> >(grep -v 'warning: \[options\]' >&2 || true)
  [[ -f "$SIMPLE_CLASS_DIR/Simple.class" ]] || die "javac produced no Simple.class"
}

build_debian() { # out ref suite packages kind
  local out="$1" ref="$2" suite="$3" pkgs="$4" kind="$5" mirror work hooks=()
  mirror="$(debian_mirror)"
  work="$(mktemp -d "${out}.work.XXXXXX")"
  if [[ "$kind" == app* ]]; then
    simple_class
    hooks+=(--customize-hook="mkdir -p \"\$1/app\" && cp '$SIMPLE_CLASS_DIR/Simple.class' \"\$1/app/\"")
  fi
  # Every rootfs must have a working java in PATH.
  hooks+=(--customize-hook='chroot "$1" java -version')
  mmdebstrap --quiet --variant=essential --include="$pkgs" --format=tar \
    --skip=output/dev \
    --aptopt='Acquire::Check-Valid-Until "false"' \
    --aptopt='APT::Install-Recommends "false"' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
    "${hooks[@]}" \
    "$suite" "$work/rootfs.tar" "deb $mirror $suite main" >&2
  "$HERE/mkimage.sh" "$out" "$ref" "$work/rootfs.tar" "$(config_for "$kind")"
  rm -rf "$work"
}

# A distroless-like image: the base image's single layer without shells and coreutils, so nothing in
# the target can run `sh`, `cat` or `ls`; only the JVM (and tini) remain.
build_distroless() { # out ref base-ref kind
  local out="$1" ref="$2" base="$3" kind="$4" work layer
  work="$(mktemp -d "${out}.work.XXXXXX")"
  tar -C "$work" -xf "$IMG_DIR/$(tar_name "$base")"
  layer="$(find "$work" -name layer.tar | head -n1)"
  mkdir "$work/rootfs"
  tar -C "$work/rootfs" -xf "$layer"
  (
    cd "$work/rootfs"
    sed 's#^/##' var/lib/dpkg/info/coreutils.list | while read -r f; do
      if [[ -f "$f" || -L "$f" ]]; then rm -f "$f"; fi
    done
    rm -f bin/sh usr/bin/sh bin/dash usr/bin/dash bin/bash usr/bin/bash bin/rbash usr/bin/rbash
    [[ -x usr/bin/java || -L usr/bin/java ]] || { echo "distroless: java is gone" >&2; exit 1; }
    for tool in sh dash bash cat ls; do
      if [[ -e "usr/bin/$tool" || -e "bin/$tool" ]]; then echo "distroless: $tool still there" >&2; exit 1; fi
    done
  )
  tar -C "$work/rootfs" --owner=0 --group=0 --numeric-owner --mtime=@0 --sort=name -cf "$work/rootfs.tar" .
  "$HERE/mkimage.sh" "$out" "$ref" "$work/rootfs.tar" "$(config_for "$kind")"
  rm -rf "$work"
}

main() {
  command -v mmdebstrap > /dev/null || ensure_pkgs mmdebstrap
  command -v gcc > /dev/null || ensure_pkgs gcc libc6-dev
  [[ -f /usr/lib/x86_64-linux-gnu/libc.a ]] || ensure_pkgs libc6-dev
  mkdir -p "$IMG_DIR"
  local spec ref suite pkgs kind out t0 only="${1:-}"
  for spec in "${IMAGES[@]}"; do
    IFS='|' read -r ref suite pkgs kind <<< "$spec"
    [[ -n "$only" && "$ref" != *"$only"* ]] && continue
    out="$IMG_DIR/$(tar_name "$ref")"
    if [[ -s "$out" ]]; then log "image $ref cached"; continue; fi
    log "building image $ref"
    t0=$SECONDS
    if [[ "$ref" == kjd.local/pause:* ]]; then
      build_pause "$out"
    elif [[ "$suite" == derived ]]; then
      build_distroless "$out" "$ref" "$pkgs" "$kind"
    else
      build_debian "$out" "$ref" "$suite" "$pkgs" "$kind"
    fi
    record_timing "image-$ref" $((SECONDS - t0))
  done
  for spec in "${IMAGES[@]}"; do echo "${spec%%|*}"; done > "$IMG_DIR/images.txt"
  [[ -n "$SIMPLE_CLASS_DIR" ]] && rm -rf "$SIMPLE_CLASS_DIR"
  echo "$IMG_DIR"
}

main "$@"
