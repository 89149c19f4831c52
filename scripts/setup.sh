#!/usr/bin/env bash
# Set-up for a fresh machine: Debian packages the tests use, Node 24, npm dependencies.
# (The cluster's own packages - containerd, runc, CNI plugins, mmdebstrap - are installed by cluster/bin/kjd-cluster.)
set -euo pipefail
cd "$(dirname "$0")/.."
# The in-pod POSIX sh script is tested under dash, busybox sh and bash, and checked with shellcheck.
missing=()
if ! command -v jcmd > /dev/null || ! command -v javac > /dev/null; then missing+=(openjdk-17-jdk-headless); fi
for tool in shellcheck busybox dash; do
  command -v "$tool" > /dev/null || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
source scripts/ensure-node.sh
npm ci --no-audit --no-fund
