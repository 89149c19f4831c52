// What the per-JVM collectors share: the JVM, its debugger's toolbox, and where results go.
import type { TmpStrategy } from '../inject/tmp-mount.js';
import type { DumpKind, FileRecord, JvmResult } from '../shared/model.js';
import type { CollectContext } from './context.js';
import type { PodPlan } from './plan.js';
import type { ProbedJvm } from './toolbox-protocol.js';
import type { Ids, Toolbox } from './toolbox-types.js';

export interface JvmTarget {
  plan: PodPlan;
  toolbox: Toolbox;
  jvm: ProbedJvm;
  strategy: TmpStrategy;
  debuggerName: string;
}

/** One JVM's collection in progress: what the collectors share. */
export interface JvmJob extends JvmTarget {
  ctx: CollectContext;
  ids: Ids;
  out: JvmResult;
  /** The JVM's folder in the output directory, relative, with forward slashes. */
  dirRel: string;
  label: string;
  /** Live bytes from the histogram, when it ran first: sizes the heap dump before writing it. */
  liveBytes?: number;
  /** A jcmd reached the JVM: attach works (until then, a failure may mean it does not; see collect-jvm.ts). */
  attached?: boolean;
  /** The first jcmd could not attach: the JVM went the SIGQUIT way, its remaining steps do nothing. */
  attachFailed?: boolean;
  /** The thread-dump series brought the class histogram with its last dump (histogram.txt is recorded). */
  histogramTaken?: boolean;
  jcmd(args: string[], timeoutMs: number): Promise<string>;
  /** jcmd with its output streamed into the JVM's folder as `name` (no size cap), sha256 over what arrived. */
  jcmdToFile(args: string[], timeoutMs: number, name: string, kind: DumpKind): Promise<FileRecord>;
  /** Writes a file into the JVM's folder; a failed write leaves no partial file behind. */
  writeText(name: string, kind: DumpKind, text: string): Promise<void>;
}

export type Collector = (job: JvmJob) => Promise<void>;

/** A file of ours in the JVM's /tmp (as the JVM sees it), named so that a leftover tells whose it is. */
export function jvmTmpFile(job: Pick<JvmTarget, 'debuggerName' | 'jvm'>, suffix: string): string {
  return `/tmp/kjd-${job.debuggerName}-${job.jvm.pid}-${Date.now().toString(36)}${suffix}`;
}
