// The JDK feature releases at which what we may ask of a JVM, or of jcmd, changes: one place, each with
// its reason, so a version rule is never a bare number in the code that uses it.

export const JdkFeature = {
  /** `GC.class_histogram -all` (count unreachable objects, no full GC first) and `VM.info` exist from JDK 9. */
  HistogramAll: 9,
  VmInfo: 9,
  /** `GC.heap_dump -gz=N`: the JVM compresses its own heap dump from JDK 15. */
  HeapDumpGzip: 15,
  /**
   * jcmd finds the attach socket of a JVM in another container through /proc/<pid>/root from JDK 21;
   * older jcmd looks only in its own /tmp (JDK-8327114).
   */
  JcmdFollowsProcRoot: 21,
  /** `Thread.dump_to_file -format=json` (every thread, unmounted virtual ones too) exists from JDK 21. */
  ThreadDumpJson: 21,
} as const;

/**
 * Whether a dump kind can be asked of a JVM of this feature release: `threads-json` only from JDK 21 (on by
 * default, it is simply not taken from older JVMs, and not counted as missing).
 */
export function dumpApplies(kind: string, feature: number | undefined): boolean {
  return kind !== 'threads-json' || hasFeature(feature, JdkFeature.ThreadDumpJson);
}

/** True when a known feature release is at least `minimum`; an unknown one is treated as old. */
export function hasFeature(feature: number | undefined, minimum: number): boolean {
  return (feature ?? 0) >= minimum;
}

/** "25.0.1" -> 25, "1.8.0_462" -> 8, "17" -> 17. */
export function javaFeatureOf(version: string | undefined): number | undefined {
  if (!version) return undefined;
  const m = /^(?:1\.)?(\d+)/.exec(version.trim());
  return m ? Number(m[1]) : undefined;
}
