#!/usr/bin/env bash
# Builds kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kubectl and etcd
# from the Go module proxy via the wrapper modules in cluster/build/, into a cache directory
# keyed by versions. Skips what is already there.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

K8S_CMDS=(kube-apiserver kube-controller-manager kube-scheduler kubelet kubectl)

build_k8s() {
  local out; out="$(k8s_bin_dir)"
  local ok=1 c
  for c in "${K8S_CMDS[@]}"; do [[ -x "$out/$c" ]] || ok=0; done
  if ((ok)); then log "kubernetes ${K8S_VERSION} binaries cached in $out"; return 0; fi
  local mod="${KJD_CLUSTER_DIR}/build/kubernetes"
  grep -q "k8s.io/kubernetes ${K8S_VERSION}\$" "$mod/go.mod" \
    || die "cluster/build/kubernetes/go.mod does not require ${K8S_VERSION}; run cluster/bin/gen-k8s-gomod.sh ${K8S_VERSION}"
  local minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
  local pkg="k8s.io/component-base/version"
  local ldflags="-s -w -X ${pkg}.gitVersion=${K8S_VERSION} -X ${pkg}.gitMajor=1 -X ${pkg}.gitMinor=${minor}"
  ldflags+=" -X ${pkg}.gitTreeState=clean -X ${pkg}.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  ldflags+=" -X k8s.io/client-go/pkg/version.gitVersion=${K8S_VERSION} -X k8s.io/client-go/pkg/version.gitMajor=1"
  ldflags+=" -X k8s.io/client-go/pkg/version.gitMinor=${minor}"
  local tmp="${out}.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  log "building kubernetes ${K8S_VERSION} with $(go_version) (cold build: 15-30 min on 2 cores)"
  local t0=$SECONDS pkgs=()
  for c in "${K8S_CMDS[@]}"; do pkgs+=("k8s.io/kubernetes/cmd/$c"); done
  (cd "$mod" && CGO_ENABLED=0 go build -trimpath -ldflags="$ldflags" -o "$tmp/" "${pkgs[@]}")
  rm -rf "$out"; mkdir -p "$(dirname "$out")"; mv "$tmp" "$out"
  record_timing "build-k8s-${K8S_VERSION}" $((SECONDS - t0))
}

build_etcd() {
  local out; out="$(etcd_bin_dir)"
  if [[ -x "$out/etcd" ]]; then log "etcd ${ETCD_VERSION} cached in $out"; return 0; fi
  local mod="${KJD_CLUSTER_DIR}/build/etcd"
  local tmp="${out}.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  log "building etcd ${ETCD_VERSION} with $(go_version)"
  local t0=$SECONDS
  (cd "$mod" && CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$tmp/etcd" go.etcd.io/etcd/server/v3)
  rm -rf "$out"; mkdir -p "$(dirname "$out")"; mv "$tmp" "$out"
  record_timing "build-etcd-${ETCD_VERSION}" $((SECONDS - t0))
}

case "${1:-all}" in
  k8s) build_k8s ;;
  etcd) build_etcd ;;
  all) build_etcd; build_k8s ;;
  *) die "usage: build-binaries.sh [k8s|etcd|all]" ;;
esac
