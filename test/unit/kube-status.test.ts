// Errors told apart by the API's structured Status, never by the wording of its message.
import { describe, expect, it } from '@jest/globals';
import { ApiException } from '@kubernetes/client-node';
import { explainPatchFailure } from '../../src/inject/inject.js';
import { apiStatus, isNotFoundOf } from '../../src/kube/status.js';

const apiError = (code: number, body: object | string) =>
  new ApiException(code, 'HTTP error', typeof body === 'string' ? body : JSON.stringify(body), {});

describe('API Status', () => {
  it('reads code, reason and details from an ApiException body', () => {
    const err = apiError(404, {
      kind: 'Status',
      code: 404,
      reason: 'NotFound',
      message: 'pods "web-1" not found',
      details: { name: 'web-1', kind: 'pods' },
    });
    expect(apiStatus(err)).toEqual({
      code: 404,
      reason: 'NotFound',
      message: 'pods "web-1" not found',
      details: { name: 'web-1', kind: 'pods' },
    });
    expect(isNotFoundOf(apiStatus(err), 'pods', 'web-1')).toBe(true);
    expect(isNotFoundOf(apiStatus(err), 'pods', 'web-2')).toBe(false);
    expect(apiStatus(new Error('fetch failed'))).toBeUndefined();
    expect(apiStatus(apiError(502, '<html>bad gateway</html>'))).toEqual({
      code: 502,
      reason: undefined,
      message: undefined,
      details: undefined,
    });
  });

  it('a 404 naming the pod means the pod is gone; a 404 naming nothing means the subresource is not served', () => {
    // The same message text both times: only the Status details tell them apart.
    const message = 'the server could not find the requested resource';
    const gone = apiError(404, { code: 404, reason: 'NotFound', message, details: { name: 'web-1', kind: 'pods' } });
    const route = apiError(404, { code: 404, reason: 'NotFound', message, details: {} });
    expect(explainPatchFailure(gone, 'web-1', 'shop')).toMatch(/^Pod shop\/web-1 disappeared/);
    expect(explainPatchFailure(route, 'web-1', 'shop')).toMatch(/does not serve the pods\/ephemeralcontainers subresource/);
  });

  it('a Pod Security refusal is told from an RBAC one, and says what to change', () => {
    const message =
      'pods "root-app" is forbidden: violates PodSecurity "restricted:latest": runAsNonRoot != true (container "jvm-debugger-x" must not set runAsNonRoot=false)';
    const psa = explainPatchFailure(apiError(403, { code: 403, reason: 'Forbidden', message }), 'root-app', 'ns');
    expect(psa).toMatch(/^The namespace enforces Pod Security "restricted".*runs as root.*run the JVM as a non-root user/);
    expect(psa).not.toMatch(/Grant 'patch'/);
  });

  it('403 names the permission to grant; 422 quotes the API; anything else says what failed', () => {
    expect(explainPatchFailure(apiError(403, { code: 403, reason: 'Forbidden', message: 'nope' }), 'p', 'ns')).toMatch(
      /Grant 'patch' on pods\/ephemeralcontainers/,
    );
    expect(
      explainPatchFailure(
        apiError(422, { code: 422, reason: 'Invalid', message: 'spec.ephemeralContainers[0].name: Invalid value' }),
        'p',
        'ns',
      ),
    ).toMatch(/rejected the debugger container for ns\/p: HTTP 422: spec\.ephemeralContainers/);
    expect(explainPatchFailure(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 'p', 'ns')).toBe(
      'Adding the debugger to ns/p failed: fetch failed: ECONNREFUSED',
    );
  });
});
