#!/usr/bin/env bash
# JFR on the real local cluster: what `dumps: jfr` adds to a run, and how long the in-pod summary takes.
# A busy JVM (test/fixtures/java/JfrSubject.java: a hot method, a contended monitor, allocation) is dumped with
# `dumps: threads` and with `dumps: jfr,threads` (runs alternate, a fresh debugger each run); the difference is
# what jfr adds, to be compared with jfr-duration. The summary step's own time comes from manifest.json
# (timingsMs.jfr-summary: the exec that unpacks, compiles and runs JfrSummary.java in the pod).
# With KJD_JFR_MATRIX=1 it first runs `dumps: jfr,threads` once against each JRE image (8, 11, 17, 21, 25).
# Results go to stdout as Markdown; BENCHMARKS.md ("JFR") records them.
#
# Env: KJD_BENCH_RUNS (3)             runs of each side
#      KJD_JFR_DURATION (30s)         jfr-duration;  KJD_JFR_SETTINGS (profile)
#      KJD_JFR_JRE (17)               the busy JVM's JRE image;  KJD_JFR_JDK (25) the debugger's JDK image
#      KJD_BENCH_DIST (dist)          folder holding the bundle's index.js
#      KJD_BENCH_NS (kjd-bench-jfr)   namespace, created and deleted (KJD_BENCH_KEEP=1 keeps it)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
STATE=${KJD_STATE_DIR:-/var/lib/kube-jvm-dump/cluster}
KUBECONFIG_FILE=$STATE/kubeconfig
read -r -a kc <<<"$STATE/bin/kubectl --kubeconfig $KUBECONFIG_FILE"
NS=${KJD_BENCH_NS:-kjd-bench-jfr}
RUNS=${KJD_BENCH_RUNS:-3}
DURATION=${KJD_JFR_DURATION:-30s}
SETTINGS=${KJD_JFR_SETTINGS:-profile}
JRE=${KJD_JFR_JRE:-17}
JDK_IMAGE=kjd.local/jdk:${KJD_JFR_JDK:-25}-1
DIST=$(realpath "${KJD_BENCH_DIST:-dist}")
WORK=$(mktemp -d /tmp/kjd-bench-jfr.XXXXXX)
k() { "${kc[@]}" -n "$NS" "$@"; }
cleanup() {
  rm -rf "$WORK"
  [ "${KJD_BENCH_KEEP:-0}" = 1 ] || "${kc[@]}" delete ns "$NS" --wait=false >/dev/null 2>&1 || true
}
trap cleanup EXIT
[ -f "$DIST/index.js" ] || {
  echo "no bundle at $DIST/index.js: npm run build, or KJD_BENCH_DIST=DIR" >&2
  exit 1
}
while [ "$("${kc[@]}" get ns "$NS" -o jsonpath='{.status.phase}' 2>/dev/null)" = Terminating ]; do sleep 1; done
"${kc[@]}" get ns "$NS" >/dev/null 2>&1 || "${kc[@]}" create ns "$NS" >/dev/null

now_ms() { date +%s%3N; }
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f s (%.2f-%.2f)", m/1000, a[1]/1000, a[NR]/1000}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }

# deploy NAME IMAGE [COMMAND_JSON]: one replica with a /tmp emptyDir and the fixture jar at /kjd-fixture (the image's own
# app lives in /app).
deploy() {
  k apply -f - >/dev/null <<EOF
{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"$1"},
 "spec":{"replicas":1,"selector":{"matchLabels":{"app":"$1"}},
  "template":{"metadata":{"labels":{"app":"$1"}},"spec":{"terminationGracePeriodSeconds":1,
   "containers":[{"name":"simple-java","image":"$2","imagePullPolicy":"Never","command":${3:-null},
     "volumeMounts":[{"name":"tmp-dir","mountPath":"/tmp"},{"name":"fixture","mountPath":"/kjd-fixture"}]}],
   "volumes":[{"name":"tmp-dir","emptyDir":{}},{"name":"fixture","configMap":{"name":"jfr-subject"}}]}}}}
EOF
}
# action OUT_DIR ARGS...: the CLI from the bundle; sets T (ms) and RC. Exit 3 (some dumps missing) is a result too.
action() {
  local out=$1 t0 rc=0
  shift
  t0=$(now_ms)
  KUBE_JVM_DUMP_CLI=1 node "$DIST/index.js" -n "$NS" --kubeconfig "$KUBECONFIG_FILE" --jdk-image "$JDK_IMAGE" \
    --image-pull-policy Never --include-context false -o "$out" "$@" >"$out.log" 2>&1 || rc=$?
  T=$(($(now_ms) - t0))
  RC=$rc
  [ "$rc" = 0 ] || [ "$rc" = 3 ] || {
    echo "action failed ($rc): $(tail -n 5 "$out.log")" >&2
    return 1
  }
}
# jq-free reads of manifest.json.
manifest() { node -e "const m=require(process.argv[1]+'/manifest.json');const j=m.pods[0].jvms[0];console.log(eval(process.argv[2]))" "$1" "$2"; }
stop_debuggers() {
  local pod dbg
  for pod in $(k get pod -l "app=$1" -o jsonpath='{.items[*].metadata.name}'); do
    for dbg in $(k get pod "$pod" -o jsonpath='{range .status.ephemeralContainerStatuses[?(@.state.running)]}{.name}{" "}{end}'); do
      k exec "$pod" -c "$dbg" -- pkill -x sleep >/dev/null 2>&1 || true
    done
  done
}

javac --release 8 -nowarn -d "$WORK/classes" test/fixtures/java/JfrSubject.java
jar --create --file "$WORK/jfr-subject.jar" -C "$WORK/classes" .
k create configmap jfr-subject --from-file="$WORK/jfr-subject.jar" --dry-run=client -o yaml | k apply -f - >/dev/null
BUSY='["/usr/bin/tini","--","java","-Xmx128m","-cp","/kjd-fixture/jfr-subject.jar","JfrSubject"]'

echo "Machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); debugger $JDK_IMAGE; bundle $DIST"
echo

if [ "${KJD_JFR_MATRIX:-0}" = 1 ]; then
  for v in 8 11 17 21 25; do deploy "jre$v" "kjd.local/simple-java:jre$v-1"; done
  for v in 8 11 17 21 25; do k rollout status "deploy/jre$v" --timeout=300s >/dev/null; done
  echo "### dumps: jfr,threads, jfr-duration 5s, on each JRE (the seed's Simple: idle)"
  echo
  echo "| JVM | CLI exit | files | jfr errors | jfr-start / stop / transfer / summary ms |"
  echo "|---|---|---|---|---|"
  for v in 8 11 17 21 25; do
    out=$WORK/m$v
    action "$out" "deployment/jre$v" --dumps jfr,threads --thread-dump-count 2 --thread-dump-interval 1s --jfr-duration 5s || continue
    echo "| $(manifest "$out" 'j.version') | $RC |" \
      "$(manifest "$out" "j.files.map(f=>f.path.split('/').pop()).join(', ')") |" \
      "$(manifest "$out" "j.errors.filter(e=>e.dump==='jfr').map(e=>e.message).join('; ')||'-'") |" \
      "$(manifest "$out" "['jfr-start','jfr-stop','jfr-transfer','jfr-summary'].map(k=>j.timingsMs[k]??'-').join(' / ')") |"
  done
  echo
fi

deploy busy "kjd.local/simple-java:jre$JRE-1" "$BUSY"
k rollout status deploy/busy --timeout=300s >/dev/null
echo "### The busy JVM (JfrSubject on JRE $JRE): dumps threads vs jfr,threads (jfr-duration $DURATION, $SETTINGS), $RUNS runs each"
echo
base=()
with=()
summary=()
for i in $(seq 1 "$RUNS"); do
  stop_debuggers busy
  action "$WORK/b$i" deployment/busy --dumps threads
  base+=("$T")
  stop_debuggers busy
  action "$WORK/j$i" deployment/busy --dumps jfr,threads --jfr-duration "$DURATION" --jfr-settings "$SETTINGS"
  with+=("$T")
  summary+=("$(manifest "$WORK/j$i" "j.timingsMs['jfr-summary']")")
  echo "- run $i: threads $(awk -v t="${base[-1]}" 'BEGIN{printf "%.2f s", t/1000}'), jfr,threads $(awk -v t="$T" 'BEGIN{printf "%.2f s", t/1000}');" \
    "jfr timings ms: $(manifest "$WORK/j$i" "['jfr-start','jfr','jfr-stop','jfr-scrub','jfr-transfer','jfr-summary'].map(k=>k+' '+(j.timingsMs[k]??'-')).join(', ')");" \
    "recording $(manifest "$WORK/j$i" "Math.round(j.files.find(f=>f.path.endsWith('recording.jfr')).size/1024)") KiB;" \
    "errors: $(manifest "$WORK/j$i" "j.errors.map(e=>e.message).join('; ')||'none'")"
done
echo
added=$(($(median "${with[@]}") - $(median "${base[@]}")))
echo "| figure | value |"
echo "|---|---|"
echo "| run with dumps: threads | $(stats "${base[@]}") |"
echo "| run with dumps: jfr,threads | $(stats "${with[@]}") |"
echo "| added by jfr (difference of the medians) | $(awk -v t="$added" 'BEGIN{printf "%.2f s", t/1000}') for jfr-duration $DURATION |"
echo "| summary step in the pod (timingsMs.jfr-summary) | $(stats "${summary[@]}") |"
echo "| hot method named in jfr-summary.json (last run) | $(manifest "$WORK/j$RUNS" "require(process.argv[1]+'/'+j.files.find(f=>f.path.endsWith('jfr-summary.json')).path).hotMethods[0].method") |"
