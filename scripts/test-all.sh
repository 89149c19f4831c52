#!/usr/bin/env bash
# The project's test command (README): typecheck, lint (ESLint + Prettier), unit + integration tests (fake API server, local artifact
# service on Azurite, real JVMs), then the end-to-end suite against a real local Kubernetes cluster.
# Set KJD_SKIP_E2E=1 to stop after the fast suites, KJD_KEEP_CLUSTER=1 to leave the cluster running.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
[ -d node_modules/jest ] || npm ci --no-audit --no-fund
command -v jcmd > /dev/null || { echo "test-all: jcmd (a JDK) is needed for the thread-dump fixtures: run scripts/setup.sh" >&2; exit 1; }

results="$(mktemp -d)"
summary() { node scripts/jest-totals.mjs "$results"/*.json; }
trap summary EXIT

npm run --silent typecheck
npm run --silent lint
node --experimental-vm-modules node_modules/jest/bin/jest.js --json --outputFile="$results/fast.json"

if [ "${KJD_SKIP_E2E:-0}" = 1 ]; then exit 0; fi
started_cluster=0
if ! bash cluster/bin/kjd-cluster status > /dev/null 2>&1; then started_cluster=1; fi
bash cluster/bin/kjd-cluster up
cleanup() {
  summary
  if [ "$started_cluster" = 1 ] && [ "${KJD_KEEP_CLUSTER:-0}" != 1 ]; then bash cluster/bin/kjd-cluster down || true; fi
}
trap cleanup EXIT
node --experimental-vm-modules node_modules/jest/bin/jest.js -c jest.e2e.config.js --json --outputFile="$results/e2e.json"
