#!/usr/bin/env bash
# Runs the benchmarks (compiled with tsc into .kjd/bench-build). Results go to stdout as Markdown tables;
# BENCHMARKS.md records them with the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
npx tsc -p tsconfig.json --outDir .kjd/bench-build --noEmit false --sourceMap false
echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), Node $(node --version)"
echo; echo "### Heap dump transfer (bench/transfer.bench.ts)"; echo
node --expose-gc .kjd/bench-build/bench/transfer.bench.js
echo; echo "### Thread dump parsing and analysis (bench/parse.bench.ts)"; echo
node .kjd/bench-build/bench/parse.bench.js
