#!/usr/bin/env bash
# The script a user would write instead of the action (the seed article's procedure), for side-by-side timing:
# a new debugger by `kubectl debug --target`, the JVM found and its user read, N thread dumps `jcmd Thread.print -l`
# INTERVAL seconds apart, then a class histogram, each by `kubectl exec` as the JVM's user, stdout to local files.
# With HEAP=1 a heap dump is written in the pod and copied out by `kubectl exec -- cat` (COPY=cat, default) or
# `kubectl cp` (COPY=cp), then removed.
#
# Usage: bench/baseline-kubectl.sh NAMESPACE POD CONTAINER OUT_DIR
# Env:   KUBECTL (command, may hold --kubeconfig), JDK_IMAGE, COUNT (3), INTERVAL (1), DUMPS (threads,histogram),
#        HEAP_FILE (the path in the pod), COPY (cat|cp)
set -euo pipefail
ns=$1 pod=$2 target=$3 out=$4
read -r -a kubectl <<<"${KUBECTL:-kubectl}"
k() { "${kubectl[@]}" -n "$ns" "$@"; }
image=${JDK_IMAGE:-kjd.local/jdk:25-1}
count=${COUNT:-3}
interval=${INTERVAL:-1}
dumps=${DUMPS:-threads,histogram}
mkdir -p "$out"

# A new name each time, as a script run twice must do (ephemeral containers cannot be removed).
dbg="dbg-$(date +%s%N | tail -c 10)"
k debug "pod/$pod" --image="$image" --image-pull-policy=Never --target="$target" --profile=general --container="$dbg" -- sleep 600 >/dev/null 2>&1
k wait "pod/$pod" --for=jsonpath="{.status.ephemeralContainerStatuses[?(@.name==\"$dbg\")].state.running}" --timeout=120s >/dev/null

# The JVM's pid and ids (HotSpot accepts an attach only from its own user).
# shellcheck disable=SC2016 # expanded in the pod
read -r pid uid gid < <(k exec "$pod" -c "$dbg" -- sh -c 'p=$(pgrep -o -x java); echo "$p $(stat -c "%u %g" /proc/$p)"')
as_jvm=(setpriv --reuid="$uid" --regid="$gid" --clear-groups)
jcmd() { k exec "$pod" -c "$dbg" -- "${as_jvm[@]}" jcmd "$pid" "$@"; }

case ",$dumps," in
  *,threads,*)
    for i in $(seq 1 "$count"); do
      [ "$i" = 1 ] || sleep "$interval"
      jcmd Thread.print -l >"$out/threads-$i.txt"
    done
    ;;
esac
case ",$dumps," in *,histogram,*) jcmd GC.class_histogram >"$out/histogram.txt" ;; esac
case ",$dumps," in
  *,heap,*)
    file=${HEAP_FILE:-/tmp/heap-$dbg.hprof}
    jcmd GC.heap_dump "$file" >/dev/null
    copy_start=$(date +%s%3N)
    if [ "${COPY:-cat}" = cp ]; then
      k cp -c "$dbg" "$pod:/proc/$pid/root$file" "$out/heap.hprof" >/dev/null
    else
      k exec "$pod" -c "$dbg" -- cat "/proc/$pid/root$file" >"$out/heap.hprof"
    fi
    echo "kjd-bench copy_ms $(($(date +%s%3N) - copy_start)) bytes $(stat -c %s "$out/heap.hprof")" >&2
    k exec "$pod" -c "$dbg" -- rm -f "/proc/$pid/root$file"
    ;;
esac
