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

export async function clusterVersion(kc: KubeConfig): Promise<string | undefined> {
  try {
    return (await kc.makeApiClient(VersionApi).getCode()).gitVersion;
  } catch {
    return undefined;
  }
}
