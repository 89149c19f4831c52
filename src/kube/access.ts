// Which permission is missing, asked of the API itself: a SelfSubjectAccessReview needs no grant of its own,
// and its answer does not depend on how a refusal's message happens to be worded.
import { AuthorizationV1Api, type KubeConfig } from '@kubernetes/client-node';

export interface Permission {
  verb: string;
  /** e.g. "pods" or "pods/exec". */
  resource: string;
  group?: string;
}

/** The permissions among `wanted` that the current user lacks in `namespace`; undefined when the API cannot say. */
export async function missingPermissions(kc: KubeConfig, namespace: string, wanted: Permission[]): Promise<Permission[] | undefined> {
  const api = kc.makeApiClient(AuthorizationV1Api);
  try {
    const answers = await Promise.all(
      wanted.map(async (p) => {
        const [resource, subresource] = p.resource.split('/');
        const review = await api.createSelfSubjectAccessReview({
          body: { spec: { resourceAttributes: { namespace, verb: p.verb, resource, subresource, group: p.group ?? '' } } },
        });
        return review.status?.allowed === true;
      }),
    );
    return wanted.filter((_, i) => !answers[i]);
  } catch {
    return undefined;
  }
}

/** "'create' on pods/exec in the namespace "shop"" for each permission, joined. */
export function describePermissions(missing: Permission[], namespace: string): string {
  return `${missing.map((p) => `'${p.verb}' on ${p.group ? `${p.group}/` : ''}${p.resource}`).join(' and ')} in the namespace "${namespace}"`;
}
