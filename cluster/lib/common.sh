# shellcheck shell=bash
# Common settings for the kube-jvm-dump local cluster scripts. Sourced, not executed.

KJD_CLUSTER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="/usr/local/go/bin:${PATH}"
# Everything we start (containerd unpacks image layers!) inherits this: never 077 here, or
# image rootfs directories become unreadable for non-root containers.
umask 022

K8S_VERSION="${KJD_K8S_VERSION:-v1.37.2}"
ETCD_VERSION="${KJD_ETCD_VERSION:-v3.6.16}"
CACHE_DIR="${KJD_CACHE_DIR:-/var/cache/kube-jvm-dump}"
STATE_DIR="${KJD_STATE_DIR:-/var/lib/kube-jvm-dump/cluster}"
LOG_DIR="${STATE_DIR}/logs"
TIMINGS_FILE="${CACHE_DIR}/timings.log"

log() { printf '[kjd-cluster %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

go_version() { go env GOVERSION 2>/dev/null || echo unknown; }

k8s_bin_dir() { echo "${CACHE_DIR}/k8s-${K8S_VERSION}-$(go_version)/bin"; }
etcd_bin_dir() { echo "${CACHE_DIR}/etcd-${ETCD_VERSION}-$(go_version)/bin"; }

record_timing() { # name seconds
  mkdir -p "$(dirname "$TIMINGS_FILE")"
  printf '%s\t%s\t%ss\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$2" >> "$TIMINGS_FILE"
  log "timing: $1 took ${2}s"
}

# apt mirror URL of this machine, read at run time (never hard-coded).
debian_mirror() {
  local u=""
  if compgen -G '/etc/apt/sources.list.d/*.sources' > /dev/null; then
    u="$(awk '/^URIs:/ {print $2}' /etc/apt/sources.list.d/*.sources | grep -v -- '-security' | head -n1)"
  fi
  if [[ -z "$u" && -f /etc/apt/sources.list ]]; then
    u="$(awk '$1=="deb" {for(i=2;i<=NF;i++) if ($i ~ /^(https?|file):/) {print $i; exit}}' /etc/apt/sources.list | grep -v -- '-security' | head -n1)"
  fi
  [[ -n "$u" ]] || die "cannot find a Debian mirror in the apt sources"
  echo "${u%/}"
}

APT_UPDATED=""
ensure_pkgs() { # pkg... : install Debian packages that are missing
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  log "installing Debian packages: ${missing[*]}"
  if [[ -z "$APT_UPDATED" ]]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
