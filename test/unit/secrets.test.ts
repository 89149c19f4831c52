import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { credentialsInUse, kubeconfigSecrets } from '../../src/kube/secrets.js';
import { REDACTED, Scrubber, scrubManifest } from '../../src/shared/scrub.js';
import type { RunManifest } from '../../src/shared/model.js';
import { secretKubeconfig } from '../support/secret-kubeconfig.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kjd-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(yaml: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(yaml);
  return kc;
}

describe('kubeconfigSecrets', () => {
  it('returns every kind of credential, short ones too, and not the plugin token it cannot know yet', () => {
    const k = secretKubeconfig({ server: 'http://127.0.0.1:1', namespace: 'prod', dir });
    const secrets = kubeconfigSecrets(load(k.yaml));
    const { execToken, ...known } = k.secrets;
    for (const [what, value] of Object.entries(known)) expect([what, secrets.includes(value)]).toEqual([what, true]);
    expect(secrets).not.toContain(execToken);
    // The Basic header client-node builds from username and password.
    expect(secrets).toContain(Buffer.from(`alice:${k.secrets.password}`).toString('base64'));
    // Names, flags, URLs of servers and PEM armour are no secret.
    for (const plain of ['alice', 'bob', '--login', 'proxyuser', '-----BEGIN PRIVATE KEY-----', 'https://k8s.invalid:6443'])
      expect(secrets).not.toContain(plain);
  });

  it('masks a proxy whose only credential is the user name, and percent-encoded passwords decoded too', () => {
    const kc = load(`apiVersion: v1
clusters:
- {name: a, cluster: {server: "https://a.invalid", proxy-url: "http://tok3n@proxy.invalid:3128"}}
- {name: b, cluster: {server: "https://b.invalid", proxy-url: "http://u:p%40ss@proxy.invalid:3128"}}
contexts: [{name: a, context: {cluster: a}}]
current-context: a
users: []
`);
    const secrets = kubeconfigSecrets(kc);
    expect(secrets).toEqual(expect.arrayContaining(['tok3n', 'p%40ss', 'p@ss', 'u:p@ss']));
  });
});

describe('credentialsInUse', () => {
  it('runs the exec plugin once and returns the token it gave', async () => {
    const k = secretKubeconfig({ server: 'http://127.0.0.1:1', namespace: 'prod', dir });
    expect(await credentialsInUse(load(k.yaml))).toEqual([k.execToken]);
  });

  it('returns nothing when the plugin fails (the first request reports that)', async () => {
    const k = secretKubeconfig({ server: 'http://127.0.0.1:1', namespace: 'prod', dir, pluginFails: true });
    expect(await credentialsInUse(load(k.yaml))).toEqual([]);
  });
});

describe('Scrubber', () => {
  it('cuts every secret, the longest first, of any length', () => {
    const s = new Scrubber(['abc', 'abcdef', '']);
    expect(s.scrub('x abcdef y abc z')).toBe(`x ${REDACTED} y ${REDACTED} z`);
    s.add(['pé!']);
    expect(s.scrub('pw=pé!')).toBe(`pw=${REDACTED}`);
    expect(new Scrubber().scrub('nothing to cut')).toBe('nothing to cut');
  });

  it('scrubs every error record, note and command line of a manifest in place', () => {
    const m = {
      errors: [{ stage: 'target', message: 'HTTP 401: Authorization: Bearer SEKRET' }],
      pods: [
        {
          errors: [{ stage: 'inject', message: 'denied SEKRET' }],
          jvms: [{ commandLine: 'java -Dt=SEKRET', notes: ['SEKRET'], errors: [{ stage: 'collect', message: 'SEKRET' }] }],
        },
      ],
    } as unknown as RunManifest;
    scrubManifest(m, new Scrubber(['SEKRET']));
    expect(JSON.stringify(m)).not.toContain('SEKRET');
    expect(m.errors[0].message).toBe(`HTTP 401: Authorization: Bearer ${REDACTED}`);
  });
});
