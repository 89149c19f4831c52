// The in-pod toolbox over exec (its interface: toolbox-types.ts): one method per operation, one private exec path. The script
// (toolbox.sh, bundled beside the code) travels in argv, so the debugger image needs only sh and coreutils.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { rm } from 'node:fs/promises';
import type { ExecResult } from '../kube/exec.js';
import {
  failureOfExit,
  announcedSize,
  parseFreeKiB,
  parseProbe,
  parseStreamTrailer,
  toolboxErrorLine,
  type StreamTrailer,
  type ToolboxFailure,
} from './toolbox-protocol.js';
import { ToolboxError, type ContainerExec, type Ids, type RunOptions, type ThreadSeries, type Toolbox } from './toolbox-types.js';
import { explainJcmdFailure } from './jcmd.js';
import { parseHprofs, type HprofFile } from './oom-dumps.js';
import type { HashingFileSink } from './transfer.js';
import { TOOLBOX_ARGV_SCRIPT } from './toolbox-script.js';
import { jfrCleanCommand, jfrPrepareCommand, jfrScrubCommand, jfrSummaryCommand, preparedDir } from './jfr-script.js';
import { FramedPartsWriter, type FramedPart, type PartSink } from './framed-parts.js';

/** jcmd's own failure, printed to stdout even when it exits 0 (some versions). */
const JCMD_FAILED = /AttachNotSupportedException|Exception in thread/;

/** A HashingFileSink as a frame's destination: each write waits for the sink, a failure rejects. */
function asPartSink(sink: HashingFileSink): PartSink {
  return {
    write: (chunk) => new Promise((resolve, reject) => sink.write(chunk, (err) => (err ? reject(sink.failure ?? err) : resolve()))),
    end: async () => {
      sink.end();
      await finished(sink);
    },
  };
}

export type ToolboxCommand = 'probe' | 'jcmd' | 'threads' | 'tmplink' | 'space' | 'stream' | 'signal' | 'remove' | 'hprofs';

/** argv for exec: `sh -c SCRIPT kjd <command> args...`; every value reaches the script as a positional parameter. */
export function toolboxCommand(command: ToolboxCommand, ...args: (string | number)[]): string[] {
  return ['sh', '-c', TOOLBOX_ARGV_SCRIPT, 'kjd', command, ...args.map(String)];
}

/** Probes first, so a toolbox exists only for a debugger that can run the script. */
export async function createToolbox(exec: ContainerExec, timeoutMs: number): Promise<Toolbox> {
  const toolbox = new PodToolbox(exec);
  let output: string;
  try {
    output = await toolbox.run('probe', [], { timeoutMs });
  } catch (err) {
    if (err instanceof ToolboxError)
      throw new ToolboxError(err.failure, err.exitCode, `Scanning processes in the debugger failed: ${err.message}`);
    throw err;
  }
  return Object.assign(toolbox, { probe: parseProbe(output) });
}

class PodToolbox implements Omit<Toolbox, 'probe'> {
  constructor(private readonly exec: ContainerExec) {}

  async jcmd(ids: Ids, pid: number, args: string[], timeoutMs: number, opts?: { cleanup?: boolean }): Promise<string> {
    const r = await this.execute('jcmd', [ids.uid, ids.gid, pid, ...args], { timeoutMs, cleanup: opts?.cleanup });
    this.checkJcmd(r, r.stdout, pid);
    return r.stdout;
  }

  async jcmdTo(ids: Ids, pid: number, args: string[], timeoutMs: number, sink: HashingFileSink): Promise<void> {
    const r = await this.execute('jcmd', [ids.uid, ids.gid, pid, ...args], { timeoutMs, stdoutSink: sink });
    this.checkJcmd(r, sink.head(), pid);
  }

  async jcmdSeries(
    ids: Ids,
    pid: number,
    args: string[],
    series: ThreadSeries,
    sinkFor: (n: number) => HashingFileSink,
    onDone: (n: number, sink: HashingFileSink) => void | Promise<void>,
  ): Promise<void> {
    const sinks = new Map<number, HashingFileSink>();
    let failed: { part: FramedPart; head: string } | undefined;
    const writer = new FramedPartsWriter(
      (part) => {
        const sink = sinkFor(part.n);
        sinks.set(part.n, sink);
        return asPartSink(sink);
      },
      async (part) => {
        const sink = sinks.get(part.n)!;
        // Some jcmd versions print an attach exception and still exit 0.
        const good = part.exitCode === 0 && !JCMD_FAILED.test(sink.head().slice(0, 2000));
        if (good) await onDone(part.n, sink);
        // The extra command's frame (the histogram) failing costs the dumps nothing: the caller takes it alone.
        else if (part.n > series.count) await rm(sink.filePath, { force: true });
        else failed ??= { part, head: sink.head() };
      },
    );
    const seconds = (series.intervalMs / 1000).toFixed(3).replace(/\.?0+$/, '');
    const r = await this.execute('threads', [ids.uid, ids.gid, pid, series.count, seconds, (series.also ?? []).join(' '), ...args], {
      timeoutMs: series.timeoutMs,
      stdoutSink: writer,
    });
    const failure = failureOfExit(r.exitCode);
    const jcmdSaid = () => explainJcmdFailure(`${failed!.head}\n${r.stderr}`, pid);
    if (failed) throw new ToolboxError(failure === 'attach' ? failure : 'tool', failed.part.exitCode, jcmdSaid());
    if (r.exitCode !== 0) throw this.failed(failure, r);
    const dumps = writer.done.filter((p) => p.n <= series.count).length;
    if (dumps < series.count) {
      throw new ToolboxError('tool', r.exitCode, `the pod sent ${dumps} of ${series.count} thread dumps whole (the exec ended early)`);
    }
  }

  private checkJcmd(r: ExecResult, stdoutHead: string, pid: number): void {
    const failure = failureOfExit(r.exitCode);
    if (failure !== 'tool' && failure !== 'attach') throw this.failed(failure, r);
    // Some jcmd versions print an attach exception and still exit 0.
    if (r.exitCode !== 0 || JCMD_FAILED.test(stdoutHead.slice(0, 2000))) {
      throw new ToolboxError(failure, r.exitCode, explainJcmdFailure(`${stdoutHead}\n${r.stderr}`, pid));
    }
  }

  async freeKiB(ids: Ids, dir: string): Promise<number> {
    const kib = parseFreeKiB(await this.run('space', [ids.uid, ids.gid, dir], { timeoutMs: 30_000 }));
    if (kib === undefined) throw new ToolboxError('no-free-space-info', 0, `cannot tell the free space in ${dir}`);
    return kib;
  }

  async stream(ids: Ids, file: string, compress: boolean, sink: Writable, onAnnounced?: (size: number) => void): Promise<StreamTrailer> {
    // The size line comes before the bytes: watch the start of stderr for it.
    let head = '';
    let announced = false;
    const onStderr = (chunk: Buffer) => {
      if (announced || head.length > 4096) return;
      head += chunk.toString('utf8');
      const size = announcedSize(head);
      if (size !== undefined) {
        announced = true;
        onAnnounced?.(size);
      }
    };
    const r = await this.execute('stream', [ids.uid, ids.gid, file, compress ? 1 : 0], { stdoutSink: sink, onStderr });
    if (r.exitCode !== 0) throw this.failed(failureOfExit(r.exitCode), r);
    return parseStreamTrailer(r.stderr);
  }

  /** Regular *.hprof files directly in these directories (as the debugger sees them). */
  async hprofs(ids: Ids, dirs: string[]): Promise<HprofFile[]> {
    return parseHprofs(await this.run('hprofs', [ids.uid, ids.gid, ...dirs], { timeoutMs: 30_000 }));
  }

  async remove(ids: Ids, file: string): Promise<void> {
    await this.run('remove', [ids.uid, ids.gid, file], { cleanup: true });
  }

  async prepareJfrSummary(timeoutMs: number): Promise<string> {
    const r = await this.exec(jfrPrepareCommand(), { timeoutMs });
    const dir = preparedDir(r.stdout);
    if (r.exitCode !== 0 || !dir) throw this.failed(failureOfExit(r.exitCode), r);
    return dir;
  }

  async summariseJfr(ids: Ids, dir: string, recording: string, name: string, timeoutMs: number, sink: Writable): Promise<void> {
    const r = await this.exec(jfrSummaryCommand(ids, dir, recording, name), { timeoutMs, stdoutSink: sink });
    if (r.exitCode !== 0) throw this.failed(failureOfExit(r.exitCode), r);
  }

  async scrubJfr(ids: Ids, recording: string, output: string, events: readonly string[], timeoutMs: number): Promise<void> {
    const r = await this.exec(jfrScrubCommand(ids, recording, output, events), { timeoutMs });
    if (r.exitCode !== 0) throw this.failed(failureOfExit(r.exitCode), r);
  }

  async cleanJfrSummary(dir: string): Promise<void> {
    await this.exec(jfrCleanCommand(dir), { cleanup: true }).catch(() => undefined);
  }

  async sigquit(ids: Ids, pid: number): Promise<void> {
    await this.run('signal', [ids.uid, ids.gid, pid], { timeoutMs: 30_000 });
  }

  async linkTmp(pid: number): Promise<void> {
    await this.run('tmplink', [pid], { timeoutMs: 30_000 });
  }

  /** stdout when the command succeeded, else a ToolboxError typed by the exit code. */
  async run(command: ToolboxCommand, args: (string | number)[], opts: RunOptions): Promise<string> {
    const r = await this.execute(command, args, opts);
    if (r.exitCode !== 0) throw this.failed(failureOfExit(r.exitCode), r);
    return r.stdout;
  }

  /** The one exec path into the pod. Captured output that was cut is an error, never a result. */
  private async execute(command: ToolboxCommand, args: (string | number)[], opts: RunOptions): Promise<ExecResult> {
    const r = await this.exec(toolboxCommand(command, ...args), opts);
    const lost = r.truncated?.stdout;
    if (lost) {
      throw new ToolboxError(
        'truncated',
        r.exitCode,
        `the output of ${command} was truncated at ${lost.keptBytes} bytes (${lost.totalBytes} arrived): nothing of it was kept`,
      );
    }
    return r;
  }

  private failed(failure: ToolboxFailure, r: ExecResult): ToolboxError {
    const text = toolboxErrorLine(r.stderr) ?? (r.stderr.trim().slice(0, 300) || `exit status ${r.exitCode}`);
    return new ToolboxError(failure, r.exitCode, text);
  }
}
