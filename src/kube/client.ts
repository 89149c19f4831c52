import { AppsV1Api, CoreV1Api, KubeConfig, VersionApi } from '@kubernetes/client-node';
import { errorMessage } from '../shared/errors.js';
import { apiClient } from './api-client.js';
import { loadDefaultKubeconfig } from './default-kubeconfig.js';

/** Where the kubeconfig comes from: the input's content, or the usual places. */
export type KubeconfigSource = { from: 'content'; yaml: string } | { from: 'default' }; // KUBECONFIG, ~/.kube/config, then in-cluster

export interface Cluster {
  kc: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  namespace: string;
  context: string;
  /** Where the kubeconfig came from, e.g. "the kubeconfig input", "KUBECONFIG (/path)"; for the log. */
  source: string;
  /** The API server's URL. */
  server: string;
}

/**
 * Loads the kubeconfig (content, else KUBECONFIG / ~/.kube/config / in-cluster) and selects the context. Every API
 * request ends when `signal` aborts.
 */
export function connect(
  source: KubeconfigSource,
  context: string | undefined,
  namespace: string | undefined,
  signal?: AbortSignal,
): Cluster {
  const kc = new KubeConfig();
  let from = 'the kubeconfig input';
  if (source.from === 'content') {
    try {
      kc.loadFromString(source.yaml);
    } catch (err) {
      // The parser's message can quote the file: keep only its first line, which names the problem, and no cause.
      // eslint-disable-next-line preserve-caught-error -- the cause would carry the secret kubeconfig text
      throw new Error(`The kubeconfig input could not be parsed: ${errorMessage(err).split('\n')[0]}`);
    }
  } else {
    from = loadDefaultKubeconfig(kc);
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
  const server = kc.getCurrentCluster()?.server;
  if (!server) {
    throw new Error(`No cluster to talk to in ${from}: its current context '${kc.getCurrentContext()}' names no cluster with a server.`);
  }
  const ns = namespace ?? kc.getContextObject(kc.getCurrentContext())?.namespace ?? 'default';
  return {
    kc,
    core: apiClient(kc, CoreV1Api, signal),
    apps: apiClient(kc, AppsV1Api, signal),
    namespace: ns,
    context: kc.getCurrentContext(),
    source: from,
    server,
  };
}

export async function clusterVersion(kc: KubeConfig, signal?: AbortSignal): Promise<string | undefined> {
  try {
    return (await apiClient(kc, VersionApi, signal).getCode()).gitVersion;
  } catch {
    return undefined;
  }
}
