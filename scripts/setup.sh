#!/usr/bin/env bash
# Set-up for a fresh machine: Debian packages the tests use, Node 24, npm dependencies.
# (The cluster's own packages - containerd, runc, CNI plugins, mmdebstrap - are installed by cluster/bin/kjd-cluster.)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v jcmd > /dev/null || ! command -v javac > /dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless > /dev/null
fi
source scripts/ensure-node.sh
npm ci --no-audit --no-fund
