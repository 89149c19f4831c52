# kube-jvm-dump's in-pod toolbox: run by exec in the debugger as `sh -c "$SCRIPT" kjd <command> [args...]`.
# POSIX sh (dash, busybox sh, bash) with coreutils-level tools only; every value arrives in "$@", never
# spliced into the script. It never relies on jps: hsperfdata lives in a /tmp the debugger may not share.
#
# Protocol
#   stdout   probe: tab-separated records (self, jcmd, jvm, jvmver); space: avail_kb; jcmd: jcmd's own output;
#            stream: the file's bytes; hprofs: "hprof<TAB>SIZE<TAB>MTIME<TAB>PATH" lines;
#            threads: per jcmd run "kjd-part<TAB>N<TAB>EXIT<TAB>SIZE" then SIZE bytes.
#   stderr   stream: kjd-size (before the bytes), kjd-source-exit, kjd-sent and kjd-sha256 lines (tab-separated);
#            any failure of the toolbox itself: one line "kjd-error: <message>".
#   exit     0 ok; 91 jcmd failed before attaching (the JVM has no attach socket); 92 SIGQUIT would not make a dump (not caught); 93 no work dir (mktemp/mkfifo);
#            94 file unreadable; 95 /tmp link failed; 96 free space unknown; 97 uid/gid mismatch; 98 no jcmd; 99 unknown command;
#            anything else: the exit status of the tool that ran (jcmd, kill, rm).
# No `set -u`: JAVA_HOME may be unset.

sub=$1
shift
unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS 2>/dev/null

fail() {
  code=$1
  shift
  echo "kjd-error: $*" >&2
  exit "$code"
}

find_jcmd() {
  if j=$(command -v jcmd 2>/dev/null); then
    echo "$j"
    return 0
  fi
  for c in "$JAVA_HOME/bin/jcmd" /opt/java/openjdk/bin/jcmd /usr/lib/jvm/*/bin/jcmd; do
    if [ -x "$c" ]; then
      echo "$c"
      return 0
    fi
  done
  return 1
}

# as_user UID GID CMD...: runs CMD as UID:GID. Same ids: as is. Root: drops to them, since HotSpot
# (JDK 8 even for root) accepts an attach only from the JVM's own euid/egid.
as_user() {
  u=$1
  g=$2
  shift 2
  if [ "$(id -u)" = "$u" ] && [ "$(id -g)" = "$g" ]; then
    "$@"
    return $?
  fi
  [ "$(id -u)" = 0 ] || fail 97 "uid-mismatch: the debugger runs as $(id -u):$(id -g) but the JVM as $u:$g"
  if command -v setpriv >/dev/null 2>&1; then
    setpriv --reuid="$u" --regid="$g" --clear-groups "$@"
    return $?
  fi
  chroot --userspec="$u:$g" / "$@"
}
# end of prelude (jfr-summary.sh runs after the lines above: see jfr-script.ts)

probe() {
  echo "self	$(id -u)	$(id -g)"
  if j=$(find_jcmd); then
    home=$(dirname "$(dirname "$(readlink -f "$j")")")
    v=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$home/release" 2>/dev/null)
    [ -n "$v" ] || v=unknown
    echo "jcmd	$j	$v"
  else
    echo "jcmd		"
  fi
  for d in /proc/[0-9]*; do
    p=${d#/proc/}
    [ -r "$d/cmdline" ] || continue
    argv0=$(tr '\000' '\n' <"$d/cmdline" 2>/dev/null | head -n 1)
    [ -n "$argv0" ] || continue
    case "$argv0" in
      # JDK tools are JVMs too (a concurrent run's jcmd, say): never targets.
      jcmd | */jcmd | jstack | */jstack | jmap | */jmap | jps | */jps | jinfo | */jinfo | jstat | */jstat) continue ;;
      java | */java) ;;
      *) grep -q 'libjvm\.so' "$d/maps" 2>/dev/null || continue ;;
    esac
    ids=$(awk '/^Uid:/{u=$3} /^Gid:/{g=$3} /^NSpid:/{n=$NF} END{print u "\t" g "\t" n}' "$d/status" 2>/dev/null)
    cmd=$(tr '\000\t\n' '   ' <"$d/cmdline" 2>/dev/null | cut -c1-2000)
    echo "jvm	$p	$ids	$cmd"
    # shellcheck disable=SC2086 # ids: uid, gid and ns pid, tab-separated
    jvm_version "$p" $ids
  done
}

# jvm_version PID UID GID NSPID: "jvmver<TAB>PID<TAB>VERSION", the JVM's java.version, from its hsperfdata, else from
# the release file of the runtime whose libjvm.so it mapped; read as the JVM's user through /proc/PID/root. Both are
# the pod's files: regular files only, reads bounded in size and time, and the runner checks the value. Nothing when
# unknown (the runner then asks jcmd VM.version).
jvm_version() {
  [ -n "$4" ] || return 0
  { [ "$(id -u)" = "$2" ] && [ "$(id -g)" = "$3" ]; } || [ "$(id -u)" = 0 ] || return 0
  # shellcheck disable=SC2016 # the inner script's own parameters
  jv=$(as_user "$2" "$3" sh -c 'for f in "$1"/tmp/hsperfdata_*/"$2"; do [ -f "$f" ] && [ ! -L "$f" ] && exec timeout 2 head -c 65536 "$f"; done' kjd "/proc/$1/root" "$4" 2>/dev/null |
    tr '\000' '\n' | awk 'f && /./ { print; exit } $0 == "java.property.java.version" { f = 1 }')
  if [ -z "$jv" ]; then
    lib=$(as_user "$2" "$3" sed -n 's#^[^/]*\(/.*\)/libjvm\.so$#\1#p' "/proc/$1/maps" 2>/dev/null | head -n 1)
    # JDK 9+: <home>/lib/server; JDK 8: <home>/jre/lib/<arch>/server, the release file in the JDK's or the JRE's home.
    for h in "${lib%/*/*}" "${lib%/*/*/*}" "${lib%/*/*/*/*}"; do
      if [ -z "$lib" ] || [ -n "$jv" ]; then break; fi
      # shellcheck disable=SC2016 # the inner script's own parameters
      jv=$(as_user "$2" "$3" sh -c '[ -f "$1" ] && [ ! -L "$1" ] && exec timeout 2 head -c 8192 "$1"' kjd "/proc/$1/root$h/release" 2>/dev/null |
        sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' | head -n 1)
    done
  fi
  case "$jv" in
    *[!0-9A-Za-z._+-]*) ;;
    [0-9]*) [ "${#jv}" -gt 40 ] || printf 'jvmver\t%s\t%s\n' "$1" "$jv" ;;
  esac
}

run_jcmd() {
  u=$1
  g=$2
  pid=$3
  shift 3
  j=$(find_jcmd) || fail 98 "no jcmd in the debugger image: use a JDK image (not a JRE)"
  # jcmd is a JVM too: -XX:-UsePerfData keeps it from writing hsperfdata into the target's /tmp, and
  # C1 alone (TieredStopAtLevel=1) starts it with less CPU (C2 is wasted on a run this short).
  HOME=/tmp
  export HOME
  as_user "$u" "$g" "$j" -J-XX:-UsePerfData -J-XX:TieredStopAtLevel=1 "$pid" "$@" || jcmd_failed "$u" "$g" "$pid" $?
}

# jcmd_failed UID GID PID CODE: exits 91 when jcmd failed before attaching: the JVM has no attach socket in its /tmp
# (one that took an attach keeps it while it runs); else exits with jcmd's own CODE.
jcmd_failed() {
  ns=$(awk '/^NSpid:/{print $NF}' "/proc/$3/status" 2>/dev/null)
  as_user "$1" "$2" test -S "/proc/$3/root/tmp/.java_pid${ns:-$3}" && exit "$4"
  exit 91
}

frame() {
  printf 'kjd-part\t%s\t%s\t%s\n' "$1" "$2" "$(wc -c <"$3" | tr -d ' ')"
  cat "$3"
}

thread_dumps() {
  # COUNT jcmd runs SECONDS apart, start to start, framed (see toolbox.ts); stops at a failed one. ALSO runs with
  # the last.
  u=$1
  g=$2
  pid=$3
  count=$4
  seconds=$5
  also=$6
  shift 6
  j=$(find_jcmd) || fail 98 "no jcmd in the debugger image: use a JDK image (not a JRE)"
  work=$(mktemp -d) || fail 93 "mktemp failed in the debugger"
  pace=
  trap 'rm -rf "$work"; [ -z "$pace" ] || kill "$pace" 2>/dev/null' EXIT HUP PIPE TERM
  HOME=/tmp
  export HOME
  : >"$work/also"
  also_code=1
  n=1
  while [ "$n" -le "$count" ]; do
    # The next run is due SECONDS after this one starts, as asked: the wait runs alongside this jcmd (its own
    # output away from ours, which the exec waits to close).
    pace=
    if [ "$n" -lt "$count" ]; then
      sleep "$seconds" >/dev/null 2>&1 &
      pace=$!
    fi
    if [ "$n" = "$count" ] && [ -n "$also" ]; then
      as_user "$u" "$g" "$j" -J-XX:-UsePerfData -J-XX:TieredStopAtLevel=1 "$pid" "$*
$also" >"$work/out"
      code=$?
      at=$(grep -n '^ *num  *#instances  *#bytes  *class name' "$work/out" | tail -n 1 | cut -d: -f1)
      if [ -n "$at" ]; then
        head -n $((at - 1)) "$work/out" >"$work/part"
        tail -n +"$at" "$work/out" >"$work/also"
        also_code=$code
      else
        mv "$work/out" "$work/part"
      fi
    else
      as_user "$u" "$g" "$j" -J-XX:-UsePerfData -J-XX:TieredStopAtLevel=1 "$pid" "$@" >"$work/part"
      code=$?
    fi
    frame "$n" "$code" "$work/part"
    [ "$code" = 0 ] || jcmd_failed "$u" "$g" "$pid" "$code"
    [ -z "$pace" ] || wait "$pace"
    pace=
    n=$((n + 1))
  done
  [ -z "$also" ] || frame $((count + 1)) "$also_code" "$work/also"
}

link_tmp() {
  # jcmd before JDK 21 looks for the attach socket in its own /tmp: make that the JVM's /tmp (root only).
  pid=$1
  [ "$(readlink /tmp 2>/dev/null)" = "/proc/$pid/root/tmp" ] && return 0
  [ "$(id -u)" = 0 ] || fail 95 "linking /tmp to the JVM's needs a root debugger"
  { rm -rf /tmp && ln -s "/proc/$pid/root/tmp" /tmp; } || fail 95 "could not link /tmp to /proc/$pid/root/tmp"
}

free_space() {
  # Free KiB where the heap dump will be written, as seen from the debugger.
  u=$1
  g=$2
  dir=$3
  avail=$(as_user "$u" "$g" df -Pk "$dir" 2>/dev/null | awk 'NR==2{print $4}')
  [ -n "$avail" ] || fail 96 "cannot tell the free space in $dir"
  echo "avail_kb	$avail"
}

stream_file() {
  # The file's bytes to stdout (gzipped on the fly when asked), and the sha256 of exactly the bytes
  # sent to stderr, so the runner can prove its copy is intact.
  u=$1
  g=$2
  file=$3
  compress=$4
  as_user "$u" "$g" test -r "$file" || fail 94 "cannot read $file"
  # A device or a pipe would never end (or end anywhere): only a regular file is sent.
  as_user "$u" "$g" test -f "$file" || fail 94 "$file is not a regular file (a device or a pipe): not streamed"
  echo "kjd-size	$(as_user "$u" "$g" stat -L -c %s "$file")" >&2
  # One read of the file: tee feeds FIFOs that sha256sum and wc read, no second copy on disk.
  work=$(mktemp -d) || fail 93 "mktemp failed in the debugger"
  trap 'rm -rf "$work"' EXIT HUP PIPE TERM
  mkfifo "$work/fifo" "$work/count" || fail 93 "mkfifo failed in the debugger"
  sha256sum <"$work/fifo" >"$work/sum" &
  wc -c <"$work/count" >"$work/sent" &
  {
    if [ "$compress" = 1 ]; then
      as_user "$u" "$g" gzip -1 -c "$file"
    else
      as_user "$u" "$g" cat "$file"
    fi
    echo "kjd-source-exit	$?" >&2
  } | tee "$work/fifo" "$work/count"
  wait
  echo "kjd-sent	$(tr -d ' ' <"$work/sent")" >&2
  echo "kjd-sha256	$(cut -d' ' -f1 <"$work/sum")" >&2
  rm -rf "$work"
}

hprofs() {
  # Heap dumps left in these directories (an OOM dump, a volume's root): one line per regular *.hprof file,
  # "hprof<TAB>SIZE<TAB>MTIME<TAB>PATH", read as the JVM's user. A directory that is not there lists nothing.
  u=$1
  g=$2
  shift 2
  for dir in "$@"; do
    for f in "$dir"/*.hprof; do
      as_user "$u" "$g" test -f "$f" 2>/dev/null || continue
      meta=$(as_user "$u" "$g" stat -L -c '%s	%Y' "$f" 2>/dev/null) || continue
      printf 'hprof\t%s\t%s\n' "$meta" "$f"
    done
  done
}

sigquit() {
  # A JVM prints a thread dump on SIGQUIT only while its handler is installed. With -Xrs (or an ignored
  # SIGQUIT) the default action applies, which ends a JVM that is not PID 1: send nothing then.
  u=$1
  g=$2
  pid=$3
  status=$(cat "/proc/$pid/status" 2>/dev/null) || fail 92 "process $pid is gone"
  caught=$(printf '%s\n' "$status" | awk '/^SigCgt:/{print substr($2, length($2))}')
  ignored=$(printf '%s\n' "$status" | awk '/^SigIgn:/{print substr($2, length($2))}')
  # SIGQUIT is signal 3: bit 2 of the lowest hex digit of each mask.
  case "$ignored" in
    [4567cdefCDEF]) fail 92 "the JVM ignores SIGQUIT, so it would print no thread dump" ;;
  esac
  case "$caught" in
    [4567cdefCDEF]) as_user "$u" "$g" kill -QUIT "$pid" ;;
    *) fail 92 "the JVM does not handle SIGQUIT (started with -Xrs?): sending it could end the JVM, so it was not sent" ;;
  esac
}

case "$sub" in
  probe) probe ;;
  jcmd) run_jcmd "$@" ;;
  threads) thread_dumps "$@" ;;
  tmplink) link_tmp "$@" ;;
  space) free_space "$@" ;;
  stream) stream_file "$@" ;;
  # SIGQUIT without an attach marker file makes HotSpot print a thread dump to its stdout (the container log).
  signal) sigquit "$@" ;;
  remove) as_user "$1" "$2" rm -f "$3" ;;
  hprofs) hprofs "$@" ;;
  *) fail 99 "unknown toolbox command $sub" ;;
esac
