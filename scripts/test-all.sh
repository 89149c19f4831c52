#!/usr/bin/env bash
# The project's test command (README): typecheck, lint (ESLint + Prettier), unit + integration tests (fake API server, local artifact
# service on Azurite, real JVMs), then the end-to-end suite against a real local Kubernetes cluster.
# Set KJD_SKIP_E2E=1 to stop after the fast suites, KJD_KEEP_CLUSTER=1 to leave the cluster running.
set -euo pipefail
cd "$(dirname "$0")/.."
# A fresh clone sets itself up (the JDK for the fixtures included); where set-up already ran (CI), nothing.
bash scripts/setup.sh --if-needed
source scripts/ensure-node.sh

results="$(mktemp -d)"
summary() { node scripts/jest-totals.mjs "$results"/*.json; }
trap summary EXIT

npm run --silent typecheck
npm run --silent lint
node --experimental-vm-modules node_modules/jest/bin/jest.js --json --outputFile="$results/fast.json"

if [ "${KJD_SKIP_E2E:-0}" = 1 ]; then exit 0; fi
started_cluster=0
if ! bash cluster/bin/kjd-cluster status > /dev/null 2>&1; then started_cluster=1; fi
# Every image (the demo builds only its own): unset a KJD_IMAGES left in the environment.
env -u KJD_IMAGES bash cluster/bin/kjd-cluster up
cleanup() {
  summary
  if [ "$started_cluster" = 1 ] && [ "${KJD_KEEP_CLUSTER:-0}" != 1 ]; then bash cluster/bin/kjd-cluster down || true; fi
}
trap cleanup EXIT
node --experimental-vm-modules node_modules/jest/bin/jest.js -c jest.e2e.config.js --json --outputFile="$results/e2e.json"
