// jcmd command lines per JVM version: pure, so what we ask a JDK 8 JVM is testable without one.
import { hasFeature, JdkFeature } from '../shared/jdk-features.js';

/** How long a jcmd may take, by what it does: the heap walk of a histogram takes longest. */
export const JcmdTimeoutMs = { version: 60_000, threadPrint: 120_000, histogram: 300_000, vmInfo: 120_000 } as const;

export function threadPrintArgs(): string[] {
  return ['Thread.print', '-l'];
}

/** `-all` (JDK 9+) inspects unreachable objects too, without forcing a full GC first. */
export function histogramArgs(feature: number | undefined, live: boolean): string[] {
  return !live && hasFeature(feature, JdkFeature.HistogramAll) ? ['GC.class_histogram', '-all'] : ['GC.class_histogram'];
}

/** The heap dump is gzipped by the JVM where it can (-gz, JDK 15+), else by the debugger while streaming. */
export function heapDumpPlan(
  feature: number | undefined,
  live: boolean,
  basePath: string,
): { args: string[]; jvmPath: string; compressedByJvm: boolean } {
  const byJvm = hasFeature(feature, JdkFeature.HeapDumpGzip);
  const jvmPath = byJvm ? `${basePath}.gz` : basePath;
  const args = ['GC.heap_dump'];
  if (!live) args.push('-all');
  if (byJvm) args.push('-gz=1');
  args.push(jvmPath);
  return { args, jvmPath, compressedByJvm: byJvm };
}

/** VM.info exists from JDK 9; on 8 the same facts come from four commands. */
export function vmInfoCommands(feature: number | undefined): string[][] {
  return hasFeature(feature, JdkFeature.VmInfo)
    ? [['VM.info']]
    : [['VM.version'], ['VM.flags'], ['VM.command_line'], ['VM.system_properties']];
}

/** Live bytes from a class histogram's Total line, to size the heap dump before writing it. */
export function histogramTotalBytes(histogram: string): number | undefined {
  const m = /^Total\s+\d+\s+(\d+)/m.exec(histogram);
  return m ? Number(m[1]) : undefined;
}

/** KiB a heap dump may need: live bytes plus slack; a JVM-gzipped dump needs far less, stay conservative. */
export function heapDumpNeedKiB(liveBytes: number | undefined, compressedByJvm: boolean): number {
  if (liveBytes === undefined) return 16 * 1024;
  const factor = compressedByJvm ? 0.5 : 1.1;
  return Math.ceil((liveBytes * factor) / 1024) + 16 * 1024;
}

/** Turns jcmd's attach failures into what to do about them. */
export function explainJcmdFailure(output: string, pid: number): string {
  const line =
    output
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /Exception|Error|Unable|not found|denied|refused/i.test(l)) ??
    output.trim().split('\n').pop() ??
    '';
  let hint = '';
  if (/Unable to open socket file|doesn't respond|Connection refused/i.test(output)) {
    hint =
      " Attach failed: the JVM may run with -XX:+DisableAttachMechanism, be under heavy GC, or (JDK 8 target) the debugger's uid/gid differ from the JVM's; set run-as-user/run-as-group to the JVM's ids.";
  } else if (/Permission denied|Operation not permitted/i.test(output)) {
    hint = " The debugger's user cannot reach the JVM: set run-as-user/run-as-group to the JVM's ids.";
  } else if (/No such process|not a Java process|is not a valid/i.test(output)) {
    hint = ` Process ${pid} ended or is not a JVM.`;
  }
  return `${line.slice(0, 400)}${hint}`;
}
