// The in-pod side of collection: one POSIX sh script, run by exec in the debugger as `sh -c SCRIPT kjd <sub> ...`.
// It works with busybox, dash and bash, needs only coreutils-level tools, and never relies on the JDK's
// jps (hsperfdata lives in a /tmp the debugger may not share).

// No ${...} below: this is a template literal. No `set -u` either: JAVA_HOME may be unset.
export const TOOLBOX_SCRIPT = String.raw`
sub=$1; shift
unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS 2>/dev/null
fail() { code=$1; shift; echo "kjd-error: $*" >&2; exit "$code"; }
find_jcmd() {
  j=$(command -v jcmd 2>/dev/null) && { echo "$j"; return; }
  for c in "$JAVA_HOME/bin/jcmd" /opt/java/openjdk/bin/jcmd /usr/lib/jvm/*/bin/jcmd; do
    [ -x "$c" ] && { echo "$c"; return; }
  done
  return 1
}
# Runs "$@" as uid:gid. Same ids: as is. Root: drops to them (root may not attach to a JDK 8 JVM of another user).
as_user() {
  u=$1; g=$2; shift 2
  if [ "$(id -u)" = "$u" ] && [ "$(id -g)" = "$g" ]; then "$@"; return $?; fi
  [ "$(id -u)" = 0 ] || fail 97 "uid-mismatch: the debugger runs as $(id -u):$(id -g) but the JVM as $u:$g"
  if command -v setpriv >/dev/null 2>&1; then setpriv --reuid="$u" --regid="$g" --clear-groups "$@"; return $?; fi
  chroot --userspec="$u:$g" / "$@"
}
case "$sub" in
probe)
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
    p=$(basename "$d")
    [ -r "$d/cmdline" ] || continue
    argv0=$(tr '\000' '\n' < "$d/cmdline" 2>/dev/null | head -n 1)
    [ -n "$argv0" ] || continue
    case "$argv0" in
      # JDK tools are JVMs too (a concurrent run's jcmd, say): never targets.
      jcmd|*/jcmd|jstack|*/jstack|jmap|*/jmap|jps|*/jps|jinfo|*/jinfo|jstat|*/jstat) continue ;;
      java|*/java) ;;
      *) grep -q 'libjvm\.so' "$d/maps" 2>/dev/null || continue ;;
    esac
    ids=$(awk '/^Uid:/{u=$3} /^Gid:/{g=$3} /^NSpid:/{n=$NF} END{print u "\t" g "\t" n}' "$d/status" 2>/dev/null)
    cmd=$(tr '\000\t\n' '   ' < "$d/cmdline" 2>/dev/null | cut -c1-2000)
    echo "jvm	$p	$ids	$cmd"
  done
  ;;
jcmd)
  u=$1; g=$2; pid=$3; shift 3
  j=$(find_jcmd) || fail 98 "no jcmd in the debugger image: use a JDK image (not a JRE)"
  # -XX:-UsePerfData: jcmd is a JVM too; keep it from writing hsperfdata into the target's /tmp.
  export HOME=/tmp
  as_user "$u" "$g" "$j" -J-XX:-UsePerfData "$pid" "$@"
  ;;
tmplink)
  # JDK < 21 jcmd looks for the attach socket in its own /tmp: make that the JVM's /tmp (root only).
  pid=$1
  [ "$(readlink /tmp 2>/dev/null)" = "/proc/$pid/root/tmp" ] && exit 0
  [ "$(id -u)" = 0 ] || fail 95 "tmp-link-needs-root"
  rm -rf /tmp && ln -s "/proc/$pid/root/tmp" /tmp || fail 95 "could not link /tmp to /proc/$pid/root/tmp"
  ;;
space)
  # Free KiB in the directory the heap dump will be written to (seen from the debugger).
  u=$1; g=$2; dir=$3
  as_user "$u" "$g" df -Pk "$dir" | awk 'NR==2{print "avail_kb\t" $4}'
  ;;
stream)
  # Streams a file to stdout (gzip-compressed on the fly when asked) and the sha256 of exactly the bytes sent
  # to stderr, so the runner can prove the copy is intact.
  u=$1; g=$2; file=$3; compress=$4
  as_user "$u" "$g" test -r "$file" || fail 94 "cannot read $file"
  echo "kjd-size	$(as_user "$u" "$g" stat -L -c %s "$file")" >&2
  # The hash is taken from a FIFO fed by tee: one read of the file, no second copy on disk.
  work=$(mktemp -d) || fail 93 "mktemp failed in the debugger"
  trap 'rm -rf "$work"' EXIT HUP PIPE TERM
  mkfifo "$work/fifo" || fail 93 "mkfifo failed in the debugger"
  sha256sum < "$work/fifo" > "$work/sum" &
  {
    if [ "$compress" = 1 ]; then as_user "$u" "$g" gzip -1 -c "$file"; else as_user "$u" "$g" cat "$file"; fi
    echo "kjd-source-exit	$?" >&2
  } | tee "$work/fifo"
  wait
  echo "kjd-sha256	$(cut -d' ' -f1 < "$work/sum")" >&2
  rm -rf "$work"
  ;;
signal)
  # SIGQUIT without an attach marker file makes HotSpot print a thread dump to its stdout (the container log).
  u=$1; g=$2; pid=$3
  as_user "$u" "$g" kill -QUIT "$pid"
  ;;
remove)
  u=$1; g=$2; file=$3
  as_user "$u" "$g" rm -f "$file"
  ;;
*)
  fail 99 "unknown toolbox command $sub"
  ;;
esac
`;

/** argv for exec: the script travels in argv so nothing needs to exist in the debugger image but sh. */
export function toolboxCommand(sub: 'probe' | 'jcmd' | 'tmplink' | 'space' | 'stream' | 'signal' | 'remove', ...args: (string | number)[]): string[] {
  return ['sh', '-c', TOOLBOX_SCRIPT, 'kjd', sub, ...args.map(String)];
}

export interface ProbedJvm {
  pid: number;
  uid?: number;
  gid?: number;
  /** The pid inside the JVM's own pid namespace (equal to pid when the debugger shares it). */
  nsPid?: number;
  commandLine: string;
}

export interface ProbeResult {
  selfUid: number;
  selfGid: number;
  jcmdPath?: string;
  jdkVersion?: string;
  jdkFeature?: number;
  jvms: ProbedJvm[];
}

function toInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

/** "25.0.1" -> 25, "1.8.0_462" -> 8, "17" -> 17. */
export function javaFeatureOf(version: string | undefined): number | undefined {
  if (!version) return undefined;
  const m = /^(?:1\.)?(\d+)/.exec(version.trim());
  return m ? Number(m[1]) : undefined;
}

export function parseProbe(output: string): ProbeResult {
  const result: ProbeResult = { selfUid: -1, selfGid: -1, jvms: [] };
  for (const line of output.split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'self') {
      result.selfUid = toInt(f[1]) ?? -1;
      result.selfGid = toInt(f[2]) ?? -1;
    } else if (f[0] === 'jcmd') {
      result.jcmdPath = f[1] || undefined;
      result.jdkVersion = f[2] && f[2] !== 'unknown' ? f[2] : undefined;
      result.jdkFeature = javaFeatureOf(result.jdkVersion);
    } else if (f[0] === 'jvm') {
      const pid = toInt(f[1]);
      if (pid === undefined) continue;
      result.jvms.push({ pid, uid: toInt(f[2]), gid: toInt(f[3]), nsPid: toInt(f[4]), commandLine: (f.slice(5).join(' ')).trim() });
    }
  }
  return result;
}

/** Parses `jcmd <pid> VM.version`: "JDK 17.0.15" or "JDK 8.0_462". */
export function parseVmVersion(output: string): { version?: string; feature?: number } {
  const jdk = /^JDK (\S+)/m.exec(output);
  const vm = /version (\S+)/.exec(output);
  const version = jdk?.[1] ?? vm?.[1];
  const feature = jdk ? javaFeatureOf(jdk[1]) : undefined;
  return { version, feature };
}

export interface StreamTrailer {
  sha256?: string;
  sourceExit?: number;
  sourceSize?: number;
  error?: string;
}

export function parseStreamTrailer(stderr: string): StreamTrailer {
  const t: StreamTrailer = {};
  for (const line of stderr.split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'kjd-sha256' && /^[0-9a-f]{64}$/.test(f[1] ?? '')) t.sha256 = f[1];
    else if (f[0] === 'kjd-source-exit') t.sourceExit = toInt(f[1]);
    else if (f[0] === 'kjd-size') t.sourceSize = toInt(f[1]);
  }
  t.error = toolboxError(stderr);
  return t;
}

/** The toolbox's own failure line, if stderr holds one. */
export function toolboxError(stderr: string): string | undefined {
  return /^kjd-error: (.*)$/m.exec(stderr)?.[1];
}
