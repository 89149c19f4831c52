#!/usr/bin/env bash
# Runs the benchmarks (compiled with tsc into .kjd/bench-build). Results go to stdout as Markdown tables;
# BENCHMARKS.md records them with the machine they ran on. `npm run bench` runs this file.
# KJD_BENCH_LOCAL=0 skips the local benchmarks; the real-cluster part (bench/cluster.sh, see its env) runs when
# the local cluster is up, unless KJD_BENCH_PARTS is empty.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
npx tsc -p tsconfig.json --outDir .kjd/bench-build --noEmit false --sourceMap false
if [ "${KJD_BENCH_LOCAL:-1}" != 0 ]; then
echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), Node $(node --version)"
echo; echo "### Heap dump transfer (bench/transfer.bench.ts)"; echo
node --expose-gc .kjd/bench-build/bench/transfer.bench.js
echo; echo "### Thread dump parsing and analysis (bench/parse.bench.ts)"; echo
node .kjd/bench-build/bench/parse.bench.js
echo; echo "### JFR summary analysis and flame graph (bench/jfr-report.bench.ts)"; echo
node .kjd/bench-build/bench/jfr-report.bench.js
echo; echo "### Start-up of the bundle (bench/startup.bench.ts)"; echo
node .kjd/bench-build/bench/startup.bench.js
fi
if [ -n "${KJD_BENCH_PARTS-threads}" ]; then
  if [ -f "${KJD_STATE_DIR:-/var/lib/kube-jvm-dump/cluster}/kubeconfig" ]; then
    echo
    bash bench/cluster.sh
  else
    echo "No local cluster (bash cluster/bin/kjd-cluster up): the real-cluster benchmarks were skipped." >&2
  fi
fi
