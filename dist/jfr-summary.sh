# The JFR summariser's execs, run after toolbox.sh's prelude (fail, find_jcmd, as_user):
#   sh -c "$PRELUDE$THIS" kjd jfrprepare SOURCE        unpacks JfrSummary.java (SOURCE: gzipped, base64) into a new
#                                                      ${TMPDIR:-/var/tmp}/kjd-jfr.* folder, compiles it there, prints the folder
#   sh -c "$PRELUDE$THIS" kjd jfrsummary UID GID DIR RECORDING NAME   runs it as the JVM's user (who can read the recording):
#                                                      the summary's JSON on stdout; then removes DIR
#   sh -c "$PRELUDE$THIS" kjd jfrscrub UID GID IN OUT EVENTS   copies recording IN to OUT without EVENTS (jfr scrub,
#                                                      JDK 19+) as the JVM's user
#   sh -c "$PRELUDE$THIS" kjd jfrclean DIR             removes DIR (a run that ended before the summary)
# The source travels in argv (exec has no other way in); beside the whole toolbox it would not fit in one exec URL.
# Compiling is a step of its own so that it runs while the recording does, not after it.
# Exit codes as toolbox.sh: 93 no work dir, unpacking or compiling failed; 98 no java; 99 not our folder; else java's.


find_java() {
  j=$(find_jcmd) || fail 98 "no jcmd in the debugger image: use a JDK image (not a JRE)"
  java="$(dirname "$(readlink -f "$j")")/java"
  [ -x "$java" ] || fail 98 "no java beside $j in the debugger image"
  HOME=/tmp
  export HOME
}

our_dir() {
  case "$1" in
    */kjd-jfr.*) [ -d "$1" ] || fail 99 "no summariser folder $1" ;;
    *) fail 99 "not a summariser folder: $1" ;;
  esac
}

jfr_prepare() {
  find_java
  umask 022
  # Not /tmp when there is another place: with the tmp-symlink strategy /tmp leads through /proc/<pid>/root, where
  # Java finds no class (it resolves the class path to the real path, which the debugger cannot see).
  base=${TMPDIR:-/var/tmp}
  { [ -d "$base" ] && [ -w "$base" ]; } || base=/tmp
  dir=$(mktemp -d "$base/kjd-jfr.XXXXXX") || fail 93 "mktemp failed in the debugger"
  trap 'rm -rf "$dir"' EXIT HUP PIPE TERM
  # The JVM's user runs it: the folder and the classes must be readable by it.
  chmod 755 "$dir" || fail 93 "chmod failed in the debugger"
  printf %s "$1" | base64 -d | gzip -dc >"$dir/JfrSummary.java" || fail 93 "unpacking the summariser failed (base64, gzip)"
  # javac as a module of the JDK: images without the javac launcher have it too. C1 only and the serial GC (here and
  # below): the pod's CPU and memory are the app's, and these JVMs live a second.
  "$java" -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -m jdk.compiler/com.sun.tools.javac.Main -nowarn -d "$dir" "$dir/JfrSummary.java" >&2 ||
    fail 93 "compiling the JFR summariser failed (the debugger needs JDK 11+)"
  trap - EXIT HUP PIPE TERM
  echo "$dir"
}

jfr_summary() {
  u=$1
  g=$2
  dir=$3
  rec=$4
  name=$5
  our_dir "$dir"
  trap 'rm -rf "$dir"' EXIT HUP PIPE TERM
  find_java
  as_user "$u" "$g" "$java" -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -cp "$dir" JfrSummary "$rec" "$name"
}

jfr_scrub() {
  find_java
  jfr="$(dirname "$java")/jfr"
  [ -x "$jfr" ] || fail 98 "no jfr tool beside $java in the debugger image"
  # jfr scrub fails on paths under /proc/<pid>/root (after writing): it works on a copy in a folder of its own.
  # shellcheck disable=SC2016
  as_user "$1" "$2" sh -c 'd=$(mktemp -d "${TMPDIR:-/tmp}/kjd-scrub.XXXXXX") || exit 93
    trap "rm -rf \"\$d\"" EXIT
    cp "$2" "$d/in.jfr" && "$1" -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC scrub --exclude-events "$4" "$d/in.jfr" "$d/out.jfr" >&2 &&
      cp "$d/out.jfr" "$3"' kjd "$jfr" "$3" "$4" "$5"
}

case "$sub" in
  jfrprepare) jfr_prepare "$@" ;;
  jfrsummary) jfr_summary "$@" ;;
  jfrscrub) jfr_scrub "$@" ;;
  jfrclean)
    our_dir "$1"
    rm -rf "$1"
    ;;
  *) fail 99 "unknown command $sub" ;;
esac
