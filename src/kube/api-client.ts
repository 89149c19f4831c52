// API clients bound to the run: every request ends when the run's signal aborts (its timeout, or a cancel), so an
// API server that accepts a request and never answers cannot hold a run past its timeout.
import { createConfiguration, ServerConfiguration, type ApiConstructor, type ApiType, type KubeConfig } from '@kubernetes/client-node';
import { TOOL_NAME, TOOL_VERSION } from '../shared/constants.js';

export function apiClient<T extends ApiType>(kc: KubeConfig, type: ApiConstructor<T>, signal?: AbortSignal): T {
  if (!signal) return kc.makeApiClient(type);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('No active cluster!');
  return new type(
    createConfiguration({
      baseServer: new ServerConfiguration(cluster.server, {}),
      authMethods: { default: kc },
      promiseMiddleware: [
        {
          pre: (request) => {
            request.setSignal(signal);
            request.setHeaderParam('User-Agent', `${TOOL_NAME}/${TOOL_VERSION}`);
            return Promise.resolve(request);
          },
          post: (response) => Promise.resolve(response),
        },
      ],
    }),
  );
}
