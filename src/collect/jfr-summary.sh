# The JFR summariser's exec, run after toolbox.sh's prelude (fail, find_jcmd, as_user) as
# `sh -c "$PRELUDE$THIS" kjd jfrsummary UID GID SOURCE RECORDING`. SOURCE is JfrSummary.java gzipped and base64-encoded:
# it travels in argv because exec has no other way in, and it would not fit beside the whole toolbox in one URL.
# stdout: the summary's JSON. Exit codes as toolbox.sh (93 no work dir or unpacking failed; 98 no java), else java's.

jfr_summary() {
  u=$1
  g=$2
  src=$3
  rec=$4
  j=$(find_jcmd) || fail 98 "no jcmd in the debugger image: use a JDK image (not a JRE)"
  java="$(dirname "$(readlink -f "$j")")/java"
  [ -x "$java" ] || fail 98 "no java beside $j in the debugger image"
  dir=$(mktemp -d "${TMPDIR:-/tmp}/kjd-jfr.XXXXXX") || fail 93 "mktemp failed in the debugger"
  trap 'rm -rf "$dir"' EXIT HUP PIPE TERM
  # The JVM's user runs it: the folder and the source must be readable by it.
  chmod 755 "$dir" || fail 93 "chmod failed in the debugger"
  printf %s "$src" | base64 -d | gzip -dc >"$dir/JfrSummary.java" || fail 93 "unpacking the summariser failed (base64, gzip)"
  chmod 644 "$dir/JfrSummary.java"
  HOME=/tmp
  export HOME
  # C1 only and the serial GC: the source launcher's compile dominates, and the pod's CPU and memory are the app's.
  as_user "$u" "$g" "$java" -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m "$dir/JfrSummary.java" "$rec"
}

case "$sub" in
  jfrsummary) jfr_summary "$@" ;;
  *) fail 99 "unknown command $sub" ;;
esac
