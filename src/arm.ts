// when: job-failure. The main step only arms: it checks the cluster and the target answer, records that, and
// returns; the action's post step (post-if: failure()) dumps when the job failed. One place decides which step
// this process is, since both run the same bundle with the same inputs.
import * as core from '@actions/core';
import type { Settings } from './inputs/settings.js';
import { describeTarget } from './inputs/settings.js';
import { connect } from './kube/client.js';
import { credentialsInUse, kubeconfigSecrets } from './kube/secrets.js';
import { resolvePods } from './select/resolve.js';
import { errorMessage } from './shared/errors.js';
import { Scrubber } from './shared/scrub.js';

/** Saved by every main step: the post step reads it back (the runner hands saved state to the post step only). */
const STATE_POST = 'isPost';
/** Saved by a main step that armed: only then does the post step dump. */
const STATE_ARMED = 'armed';

export type Phase = 'main' | 'post-armed' | 'post-idle';

/** Which step this is. A main step marks itself, so its post step can tell. */
export function phase(): Phase {
  if (core.getState(STATE_POST) === 'true') return core.getState(STATE_ARMED) === 'true' ? 'post-armed' : 'post-idle';
  core.saveState(STATE_POST, 'true');
  return 'main';
}

/** Checks that the cluster answers and the target has a live pod, then records the arming. Throws when not. */
export async function arm(settings: Settings, log: (m: string) => void): Promise<void> {
  const scrubber = new Scrubber();
  const timeout = AbortSignal.timeout(Math.min(settings.timeoutMs, 60_000));
  try {
    const cluster = connect(settings.kubeconfig, settings.context, settings.namespace, timeout);
    const secrets = [...kubeconfigSecrets(cluster.kc), ...(await credentialsInUse(cluster.kc))];
    for (const s of secrets) core.setSecret(s);
    scrubber.add(secrets);
    const pods = await resolvePods(cluster, settings.target, settings.maxPods);
    log(
      `Armed: ${describeTarget(settings.target)} in ${cluster.namespace} answers (${pods.map((p) => p.metadata?.name).join(', ')}), ` +
        `API ${cluster.server}. If the job fails, the action's post step dumps it then, with the same artifact and summary.`,
    );
  } catch (err) {
    throw new Error(scrubber.scrub(`when: job-failure could not arm: ${errorMessage(err)}`), { cause: err });
  }
  core.saveState(STATE_ARMED, 'true');
}
