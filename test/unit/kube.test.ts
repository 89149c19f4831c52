import { describe, expect, it } from '@jest/globals';
import { apiErrorMessage } from '../../src/kube/status.js';
import { exitCodeFromStatus } from '../../src/kube/exec.js';
import { logLinesSince } from '../../src/collect/signal-dump.js';

describe('apiErrorMessage', () => {
  it('reads the Status message out of an ApiException body', () => {
    const err = {
      code: 403,
      body: JSON.stringify({ kind: 'Status', message: 'pods "p" is forbidden: User "x" cannot patch resource "pods/ephemeralcontainers"' }),
    };
    expect(apiErrorMessage(err)).toBe('HTTP 403: pods "p" is forbidden: User "x" cannot patch resource "pods/ephemeralcontainers"');
    expect(apiErrorMessage(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toBe(
      'fetch failed: ECONNREFUSED',
    );
  });
});

describe('exitCodeFromStatus', () => {
  it('maps the exec status channel to an exit code', () => {
    expect(exitCodeFromStatus({ status: 'Success' })).toBe(0);
    expect(
      exitCodeFromStatus({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '3' }] } }),
    ).toBe(3);
    expect(exitCodeFromStatus({ status: 'Failure', reason: 'InternalError', message: 'container not found' })).toBeUndefined();
  });
});

describe('logLinesSince', () => {
  it('keeps the lines logged at or after the signal, without their timestamps', () => {
    const log =
      '2026-11-27T01:00:00.100000000Z before\n2026-11-27T01:00:01.500000000Z Full thread dump\n2026-11-27T01:00:01.600000000Z "main" #1\n';
    expect(logLinesSince(log, new Date('2026-11-27T01:00:01.000Z'))).toBe('Full thread dump\n"main" #1');
  });
});
