#!/usr/bin/env bash
# The action (its CLI, from a bundle) side by side with bench/baseline-kubectl.sh on the real local cluster.
# Results go to stdout as Markdown; BENCHMARKS.md records them. Runs alternate (action first on odd runs,
# baseline first on even ones) so that a change of load on the machine hits both.
#
# Env: KJD_BENCH_RUNS (5)            runs of each side per figure
#      KJD_BENCH_PARTS (threads)     any of threads,heap,scale,scout
#      KJD_BENCH_DIST (dist)         folder holding the bundle's index.js
#      KJD_BENCH_NS (kjd-bench)      namespace, created and deleted (KJD_BENCH_KEEP=1 keeps it)
#      KJD_BENCH_HEAP_MIB (256)      live heap of the heap-dump JVM(s), comma-separated
#      KJD_BENCH_PODS (1,3,5,10)     max-pods values of the scaling part
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
STATE=${KJD_STATE_DIR:-/var/lib/kube-jvm-dump/cluster}
KUBECONFIG_FILE=$STATE/kubeconfig
KUBECTL="$STATE/bin/kubectl --kubeconfig $KUBECONFIG_FILE"
export KUBECTL
read -r -a kc <<<"$KUBECTL"
NS=${KJD_BENCH_NS:-kjd-bench}
RUNS=${KJD_BENCH_RUNS:-5}
PARTS=${KJD_BENCH_PARTS:-threads}
DIST=$(realpath "${KJD_BENCH_DIST:-dist}")
JDK_IMAGE=kjd.local/jdk:25-1
WORK=$(mktemp -d /tmp/kjd-bench.XXXXXX)
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
# A namespace still going from a previous run (deleted without waiting) would take the new pods with it.
while [ "$("${kc[@]}" get ns "$NS" -o jsonpath='{.status.phase}' 2>/dev/null)" = Terminating ]; do sleep 1; done
"${kc[@]}" get ns "$NS" >/dev/null 2>&1 || "${kc[@]}" create ns "$NS" >/dev/null

now_ms() { date +%s%3N; }
load() { cut -d' ' -f1 /proc/loadavg; }
# stats MS...: "median (min-max)" in seconds.
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f s (%.2f-%.2f)", m/1000, a[1]/1000, a[NR]/1000}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2fx", a/b}'; }

# deploy NAME REPLICAS IMAGE [COMMAND_JSON [CONFIGMAP]]: a Deployment like the seed's (tini, /tmp emptyDir), ready.
deploy() {
  local name=$1 replicas=$2 image=$3 command=${4:-null} cm=${5:-}
  local mounts='[{"name":"tmp-dir","mountPath":"/tmp"}]' volumes='[{"name":"tmp-dir","emptyDir":{}}]'
  if [ -n "$cm" ]; then
    mounts='[{"name":"tmp-dir","mountPath":"/tmp"},{"name":"classes","mountPath":"/classes"}]'
    volumes="[{\"name\":\"tmp-dir\",\"emptyDir\":{}},{\"name\":\"classes\",\"configMap\":{\"name\":\"$cm\"}}]"
  fi
  k apply -f - >/dev/null <<EOF
{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"$name"},
 "spec":{"replicas":$replicas,"selector":{"matchLabels":{"app":"$name"}},
  "template":{"metadata":{"labels":{"app":"$name"}},"spec":{"terminationGracePeriodSeconds":1,
   "containers":[{"name":"simple-java","image":"$image","imagePullPolicy":"Never","command":$command,"volumeMounts":$mounts}],
   "volumes":$volumes}}}}
EOF
  k rollout status "deploy/$name" --timeout=300s >/dev/null
}
pods_of() { k get pod -l "app=$1" --field-selector=status.phase=Running -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}'; }
# Stops every debugger still running in the app's pods (all are ours), so each run injects a fresh one.
stop_debuggers() {
  local pod dbg
  for pod in $(pods_of "$1"); do
    dbg=$(k get pod "$pod" -o jsonpath='{range .status.ephemeralContainerStatuses[?(@.state.running)]}{.name}{"\n"}{end}' | tail -n 1)
    [ -z "$dbg" ] || k exec "$pod" -c "$dbg" -- pkill -x sleep >/dev/null 2>&1 || true
  done
  sleep 1
}
# action OUT_DIR ARGS...: the CLI from the bundle; sets T (ms) and RSS (KiB).
action() {
  local out=$1
  shift
  local t0
  t0=$(now_ms)
  KUBE_JVM_DUMP_CLI=1 /usr/bin/time -f %M -o "$WORK/rss" node "$DIST/index.js" -n "$NS" --kubeconfig "$KUBECONFIG_FILE" \
    --jdk-image "$JDK_IMAGE" --image-pull-policy Never -o "$out" "$@" >"$out.log" 2>&1 || {
    echo "action failed ($?): $(tail -n 5 "$out.log")" >&2
    return 1
  }
  T=$(($(now_ms) - t0))
  RSS=$(tail -n 1 "$WORK/rss")
}
# baseline OUT_DIR POD [ENV...]: bench/baseline-kubectl.sh; sets T (ms).
baseline() {
  local out=$1 pod=$2
  shift 2
  local t0
  t0=$(now_ms)
  env "$@" bash bench/baseline-kubectl.sh "$NS" "$pod" simple-java "$out" >"$out.log" 2>&1 || {
    echo "baseline failed: $(tail -n 5 "$out.log")" >&2
    return 1
  }
  T=$(($(now_ms) - t0))
}

echo "## Real cluster, $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), Node $(node --version), Kubernetes $("${kc[@]}" version -o json | jq -r .serverVersion.gitVersion)"
echo
echo "Command: \`KJD_BENCH_PARTS=$PARTS KJD_BENCH_RUNS=$RUNS npm run bench\`; bundle: \`$DIST/index.js\`; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."

if [[ ,$PARTS, == *,threads,* ]]; then
  deploy simple-java 1 kjd.local/simple-java:jre8-1
  pod=$(pods_of simple-java | head -n 1)
  A=() B=() R=() L=()
  for i in $(seq 1 "$RUNS"); do
    for side in $([ $((i % 2)) = 1 ] && echo action baseline || echo baseline action); do
      stop_debuggers simple-java
      L+=("$(load)")
      if [ "$side" = action ]; then
        action "$WORK/a$i" deployment/simple-java --dumps threads,histogram --thread-dump-count 3 --thread-dump-interval 1s
        A+=("$T") R+=("$RSS")
      else
        baseline "$WORK/b$i" "$pod" COUNT=3 INTERVAL=1
        B+=("$T")
      fi
    done
  done
  echo
  echo "### Thread dumps (3, 1 s apart) and a class histogram, one JDK 8 pod, a fresh debugger each run"
  echo
  echo "| side | median (min-max) of $RUNS | ratio to baseline | action peak RSS | load average during the runs |"
  echo "|---|---|---|---|---|"
  echo "| bench/baseline-kubectl.sh | $(stats "${B[@]}") | 1.00x | | $(printf '%s ' "${L[@]}")|"
  echo "| action (CLI) | $(stats "${A[@]}") | $(ratio "$(median "${A[@]}")" "$(median "${B[@]}")") | $(($(median "${R[@]}") / 1024)) MiB | |"
  echo
  echo "Runs in ms, in order: action ${A[*]}; baseline ${B[*]}."
fi

if [[ ,$PARTS, == *,heap,* ]]; then
  classes=$WORK/classes
  mkdir -p "$classes"
  javac --release 8 -nowarn -d "$classes" bench/java/Compressible.java
  k create configmap compressible --from-file="$classes/Compressible.class" --dry-run=client -o yaml | k apply -f - >/dev/null
  echo
  echo "### Heap dump of a JDK 17 JVM holding compressible live objects (bench/java/Compressible.java), a fresh debugger each run"
  echo
  echo "| live heap | side | wall time, median (min-max) of $RUNS | ratio to exec cat | of which the copy | bytes on the wire | ratio to raw | action peak RSS | load average before each run |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for mib in ${KJD_BENCH_HEAP_MIB:-256}; do
    name=heap-$mib
    deploy "$name" 1 kjd.local/simple-java:jre17-1 \
      "[\"/usr/bin/tini\",\"--\",\"java\",\"-Xmx$((mib * 2 + 256))m\",\"-cp\",\"/classes\",\"Compressible\",\"$mib\"]" compressible
    pod=$(pods_of "$name" | head -n 1)
    until k logs "$pod" | grep -q READY; do sleep 1; done
    A=() AB=() C=() CC=() CB=() P=() PC=() PB=() R=() L=()
    for i in $(seq 1 "$RUNS"); do
      for side in $([ $((i % 2)) = 1 ] && echo action cat cp || echo cp cat action); do
        stop_debuggers "$name"
        L+=("$(load)")
        case $side in
          action)
            action "$WORK/h$mib-a$i" "deployment/$name" --dumps heap
            A+=("$T") R+=("$RSS")
            AB+=("$(jq '[.pods[].jvms[].files[] | select(.kind=="heap") | .size] | add' "$WORK/h$mib-a$i/manifest.json")")
            ;;
          cat | cp)
            baseline "$WORK/h$mib-$side$i" "$pod" DUMPS=heap COPY="$side"
            read -r copy_ms bytes < <(sed -n 's/^kjd-bench copy_ms \([0-9]*\) bytes \([0-9]*\)$/\1 \2/p' "$WORK/h$mib-$side$i.log")
            if [ "$side" = cat ]; then C+=("$T") CC+=("$copy_ms") CB+=("$bytes"); else P+=("$T") PC+=("$copy_ms") PB+=("$bytes"); fi
            ;;
        esac
        rm -rf "$WORK/h$mib-$side$i" "$WORK/h$mib-a$i"
      done
    done
    raw=$(median "${CB[@]}")
    mb() { awk -v b="$1" 'BEGIN{printf "%.1f MiB", b/1048576}'; }
    echo "| $mib MiB | kubectl exec cat (raw) | $(stats "${C[@]}") | 1.00x | $(stats "${CC[@]}") | $(mb "$raw") | 1.00x | | $(printf '%s ' "${L[@]}")|"
    echo "| $mib MiB | kubectl cp (raw) | $(stats "${P[@]}") | $(ratio "$(median "${P[@]}")" "$(median "${C[@]}")") | $(stats "${PC[@]}") | $(mb "$(median "${PB[@]}")") | $(ratio "$(median "${PB[@]}")" "$raw") | | |"
    echo "| $mib MiB | action (JVM-gzipped, sha256 verified) | $(stats "${A[@]}") | $(ratio "$(median "${A[@]}")" "$(median "${C[@]}")") | | $(mb "$(median "${AB[@]}")") | $(ratio "$(median "${AB[@]}")" "$raw") | $(($(median "${R[@]}") / 1024)) MiB (max $(($(printf '%s\n' "${R[@]}" | sort -n | tail -n 1) / 1024))) | |"
    k delete deploy "$name" --wait=false >/dev/null
  done
fi

if [[ ,$PARTS, == *,scale,* ]]; then
  echo
  echo "### Scaling: threads (3, 1 s apart) and histogram of N JDK 8 pods of one Deployment, max-pods N"
  echo
  echo "| pods = max-pods | wall time, median (min-max) of $RUNS | ratio to 1 pod | action peak RSS | load average before each run |"
  echo "|---|---|---|---|---|"
  one=
  for n in $(echo "${KJD_BENCH_PODS:-1,3,5,10}" | tr , ' '); do
    deploy scale "$n" kjd.local/simple-java:jre8-1
    A=() R=() L=()
    for i in $(seq 1 "$RUNS"); do
      stop_debuggers scale
      L+=("$(load)")
      action "$WORK/s$n-$i" deployment/scale --max-pods "$n" --dumps threads,histogram --thread-dump-count 3 --thread-dump-interval 1s
      A+=("$T") R+=("$RSS")
    done
    m=$(median "${A[@]}")
    one=${one:-$m}
    echo "| $n | $(stats "${A[@]}") | $(ratio "$m" "$one") | $(($(median "${R[@]}") / 1024)) MiB | $(printf '%s ' "${L[@]}")|"
  done
  k delete deploy scale --wait=false >/dev/null
fi

if [[ ,$PARTS, == *,scout,* ]]; then
  # runAsNonRoot and the uid only in the image's USER: the case that needs a scout to read the JVM's ids.
  k apply -f - >/dev/null <<EOF
{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"scout"},
 "spec":{"replicas":1,"selector":{"matchLabels":{"app":"scout"}},
  "template":{"metadata":{"labels":{"app":"scout"}},"spec":{"terminationGracePeriodSeconds":1,"securityContext":{"runAsNonRoot":true},
   "containers":[{"name":"simple-java","image":"kjd.local/simple-java:jre17-user1000-1","imagePullPolicy":"Never"}]}}}}
EOF
  k rollout status deploy/scout --timeout=300s >/dev/null
  pod=$(pods_of scout | head -n 1)
  added() { k get pod "$pod" -o json | jq '.spec.ephemeralContainers // [] | length'; }
  # stop_running [UID]: stops every running debugger (the scouts too), or only those running as UID.
  stop_running() {
    local dbg
    for dbg in $(k get pod "$pod" -o json | jq -r --argjson uid "${1:-null}" '
        [.spec.ephemeralContainers[]? | select($uid == null or .securityContext.runAsUser == $uid) | .name] as $names
        | .status.ephemeralContainerStatuses[]? | select(.state.running and (.name as $n | $names | index($n))) | .name'); do
      k exec "$pod" -c "$dbg" -- pkill -x sleep >/dev/null 2>&1 || true
    done
    sleep 1
  }
  # A timeout shorter than the debugger's 10 min life, so that a running debugger can be reused.
  args=(--dumps threads,histogram --thread-dump-count 3 --thread-dump-interval 1s --timeout 5m)
  F=() FN=() S=() SN=() L=()
  for i in $(seq 1 "$RUNS"); do
    stop_running
    L+=("$(load)")
    n0=$(added)
    action "$WORK/f$i" deployment/scout "${args[@]}"
    F+=("$T")
    n1=$(added)
    FN+=("$((n1 - n0))")
    # A rerun more than a minute later: a scout that lives 60 s would have ended by then.
    stop_running 65534
    action "$WORK/r$i" deployment/scout "${args[@]}"
    S+=("$T")
    SN+=("$(($(added) - n1))")
  done
  echo
  echo "### runAsNonRoot, uid only in the image (JDK 17, USER 1000), timeout 5m: a run with no debugger running, then a rerun with the scouts stopped"
  echo
  echo "| run | wall time, median (min-max) of $RUNS | ephemeral containers added, per run | load average before each first run |"
  echo "|---|---|---|---|"
  echo "| first (no debugger running) | $(stats "${F[@]}") | ${FN[*]} | $(printf '%s ' "${L[@]}")|"
  echo "| rerun (the first run's debugger running, its scout stopped) | $(stats "${S[@]}") | ${SN[*]} | |"
  echo
  echo "Runs in ms, in order: first ${F[*]}; rerun ${S[*]}."
  k delete deploy scout --wait=false >/dev/null
fi
