#!/usr/bin/env bash
# The local cluster demo: start the real single-node cluster (building it on first use), deploy the seed
# article's simple-java Deployment, and run the bundled action against it exactly as a workflow step would,
# with the real artifact client uploading to a local results service (Azurite behind it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
[ -d node_modules/jest ] || npm ci --no-audit --no-fund
jdk_image=kjd.local/jdk:25-1
# Only the images the demo runs (its Deployment's and the debugger's) are built; the e2e suite builds the rest.
KJD_IMAGES="$(sed -n 's/^ *image: *//p' cluster/manifests/simple-java.yaml) $jdk_image" bash cluster/bin/kjd-cluster up
kubectl() { bash cluster/bin/kjd-cluster kubectl "$@"; }

kubectl apply -f cluster/manifests/simple-java.yaml
kubectl rollout status deployment/simple-java --timeout=180s

work="${KJD_DEMO_DIR:-$PWD/.kjd/demo}"
rm -rf "$work" && mkdir -p "$work/runner"
node scripts/local-artifact-service.mjs --env-json "$work/artifact-env.json" --download-dir "$work/artifacts" > "$work/artifact-service.log" 2>&1 &
service_pid=$!
trap 'kill $service_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do grep -q '^ready' "$work/artifact-service.log" 2>/dev/null && break; kill -0 $service_pid 2>/dev/null || break; sleep 0.1; done
grep -q '^ready' "$work/artifact-service.log" || { cat "$work/artifact-service.log" >&2; echo "demo: the local artifact service did not start" >&2; exit 1; }
eval "$(node -e 'const e=require(process.argv[1]);for(const[k,v]of Object.entries(e))console.log(`export ${k}=${JSON.stringify(v)}`)' "$work/artifact-env.json")"

: > "$work/runner/summary.md"; : > "$work/runner/outputs.txt"
# The runner's event payload: a private repository, so the heap dump is taken (public ones skip it).
echo '{"repository":{"private":true,"visibility":"private"}}' > "$work/runner/event.json"
set +e
env RUNNER_TEMP="$work/runner" GITHUB_STEP_SUMMARY="$work/runner/summary.md" GITHUB_OUTPUT="$work/runner/outputs.txt" \
  GITHUB_REPOSITORY=local/demo GITHUB_RUN_ID=1 GITHUB_RUN_ATTEMPT=1 GITHUB_JOB=demo GITHUB_EVENT_PATH="$work/runner/event.json" \
  "INPUT_KUBECONFIG=$(cat /var/lib/kube-jvm-dump/cluster/action.kubeconfig)" \
  INPUT_TARGET=deployment/simple-java INPUT_NAMESPACE=default \
  INPUT_JDK-IMAGE=$jdk_image INPUT_IMAGE-PULL-POLICY=Never \
  INPUT_THREAD-DUMP-INTERVAL=2s INPUT_OUTPUT-DIR="$work/dumps" \
  node dist/index.js | grep -v '^::add-mask::'   # the runner swallows these; a terminal would show the secret
status=${PIPESTATUS[0]}
set -e
echo
echo "== demo finished (action exit status $status)"
echo "dumps on the 'runner':    $work/dumps"
echo "uploaded artifact (unzipped from Azurite): $work/artifacts"
echo "job summary (HTML/Markdown): $work/runner/summary.md"
echo "action outputs:            $work/runner/outputs.txt"
find "$work/dumps" -type f -printf '  %8s  %P\n' | sort -k2
exit $status
