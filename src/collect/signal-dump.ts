import type { Cluster } from '../kube/client.js';
import { apiErrorMessage } from '../kube/status.js';
import { extractThreadDumps } from './log-dumps.js';

/** Lines of a `timestamps=true` log at or after `since`, without their timestamps. */
export function logLinesSince(log: string, since: Date): string {
  const out: string[] = [];
  for (const line of log.split('\n')) {
    const space = line.indexOf(' ');
    const stamp = space > 0 ? Date.parse(line.slice(0, space)) : NaN;
    if (Number.isNaN(stamp)) continue;
    // Log timestamps have nanoseconds; Date.parse keeps milliseconds: allow that rounding.
    if (stamp >= since.getTime() - 1) out.push(line.slice(space + 1));
  }
  return out.join('\n');
}

/** A dump is complete once the JVM printed its JNI summary line (it ends every HotSpot thread dump). */
function isComplete(dump: string): boolean {
  return /^JNI global ref/m.test(dump);
}

/**
 * After SIGQUIT, reads the container log until the JVM's dump has appeared. The log API has no event for
 * "new lines", so this polls, bounded by the deadline.
 */
export async function readSignalledDump(cluster: Cluster, pod: string, container: string, since: Date, deadline: number): Promise<string> {
  let attempt = 0;
  for (;;) {
    let log: string;
    try {
      log = await cluster.core.readNamespacedPodLog({
        name: pod,
        namespace: cluster.namespace,
        container,
        timestamps: true,
        sinceSeconds: Math.ceil((Date.now() - since.getTime()) / 1000) + 5,
      });
    } catch (err) {
      throw new Error(
        `reading the log of ${pod}/${container} failed: ${apiErrorMessage(err)} (the SIGQUIT fallback needs 'get' on pods/log: see the Role in the README's RBAC section)`,
        {
          cause: err,
        },
      );
    }
    const dump = extractThreadDumps(logLinesSince(log, since)).filter(isComplete).pop();
    if (dump) return dump;
    if (Date.now() >= deadline)
      throw new Error('the JVM printed no thread dump to its log after SIGQUIT (is its stdout redirected away from the container log?)');
    await new Promise((r) => setTimeout(r, Math.min(2000, 250 * 2 ** attempt++)));
  }
}
