#!/usr/bin/env bash
# Set-up for a fresh machine: Debian packages the tests use, Node 24, npm dependencies.
# (The cluster's own packages - containerd, runc, CNI plugins, mmdebstrap - are installed by cluster/bin/kjd-cluster.)
# --if-needed: nothing when all of it is there already (scripts/test-all.sh on a machine already set up).
set -euo pipefail
cd "$(dirname "$0")/.."
tools=(jcmd javac shellcheck busybox dash)
if [ "${1:-}" = --if-needed ]; then
  ready=1
  for tool in "${tools[@]}"; do command -v "$tool" > /dev/null || ready=0; done
  [ -d node_modules/jest ] || ready=0
  [ "$ready" = 0 ] || exit 0
  echo "setup: a tool or the npm dependencies are missing: setting up (scripts/setup.sh)" >&2
fi
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
