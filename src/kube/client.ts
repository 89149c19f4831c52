import { AppsV1Api, CoreV1Api, KubeConfig, VersionApi } from '@kubernetes/client-node';
import { errorMessage } from '../shared/errors.js';

/** Where the kubeconfig comes from: the input's content, or the usual places. */
export type KubeconfigSource = { from: 'content'; yaml: string } | { from: 'default' }; // KUBECONFIG, ~/.kube/config, then in-cluster

export interface Cluster {
  kc: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  namespace: string;
  context: string;
}

/** Loads the kubeconfig (content, else KUBECONFIG / ~/.kube/config / in-cluster) and selects the context. */
export function connect(source: KubeconfigSource, context: string | undefined, namespace: string | undefined): Cluster {
  const kc = new KubeConfig();
  if (source.from === 'content') {
    try {
      kc.loadFromString(source.yaml);
    } catch (err) {
      // The parser's message can quote the file: keep only its first line, which names the problem, and no cause.
      // eslint-disable-next-line preserve-caught-error -- the cause would carry the secret kubeconfig text
      throw new Error(`The kubeconfig input could not be parsed: ${errorMessage(err).split('\n')[0]}`);
    }
  } else {
    kc.loadFromDefault();
  }
  if (context) {
    if (!kc.getContextObject(context)) {
      throw new Error(
        `Context '${context}' is not in the kubeconfig; it has: ${
          kc
            .getContexts()
            .map((c) => c.name)
            .join(', ') || 'none'
        }.`,
      );
    }
    kc.setCurrentContext(context);
  }
  if (!kc.getCurrentCluster()) {
    throw new Error('No cluster to talk to: pass the kubeconfig input, set KUBECONFIG, or run inside a cluster.');
  }
  const ns = namespace ?? kc.getContextObject(kc.getCurrentContext())?.namespace ?? 'default';
  return { kc, core: kc.makeApiClient(CoreV1Api), apps: kc.makeApiClient(AppsV1Api), namespace: ns, context: kc.getCurrentContext() };
}

/** Every credential value in the kubeconfig, to be masked in logs before anything can print it. */
export function kubeconfigSecrets(kc: KubeConfig): string[] {
  const out = new Set<string>();
  for (const user of kc.getUsers()) {
    const u = user as unknown as Record<string, unknown>;
    // Certificates and user names are not secret; masking them would only garble the log.
    for (const key of ['token', 'password', 'keyData']) {
      const v = u[key];
      if (typeof v === 'string' && v.length >= 6) out.add(v);
    }
    const authProvider = u.authProvider as { config?: Record<string, unknown> } | undefined;
    for (const v of Object.values(authProvider?.config ?? {})) if (typeof v === 'string' && v.length >= 12) out.add(v);
  }
  return [...out];
}

export async function clusterVersion(kc: KubeConfig): Promise<string | undefined> {
  try {
    return (await kc.makeApiClient(VersionApi).getCode()).gitVersion;
  } catch {
    return undefined;
  }
}
