// A kubeconfig holding every kind of secret a kubeconfig can carry (short ones too), each a distinctive random
// value so any leak is found by a plain substring search. The current user authenticates with an exec plugin
// (a small shell script) that prints its environment and arguments to stderr, then returns a token or fails.
import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const rnd = (n = 12) => randomBytes(n).toString('hex');
/** Random base64, as a PEM body line is. */
const b64 = (bytes: number) => randomBytes(bytes).toString('base64');
const pem = (label: string) => `-----BEGIN ${label}-----\n${b64(48)}\n${b64(48)}\n${b64(24)}\n-----END ${label}-----\n`;
const body = (p: string) => p.split('\n').filter((l) => l && !l.startsWith('-----'));

export interface SecretKubeconfig {
  yaml: string;
  /** The token the exec plugin returns: the only credential the API server accepts. */
  execToken: string;
  /** Every secret value, by what it is. */
  secrets: Record<string, string>;
}

export interface SecretKubeconfigOptions {
  server: string;
  namespace: string;
  /** Where the plugin script and the key and certificate files go. */
  dir: string;
  /** The token the plugin returns (the API server must know it first); default a random one. */
  execToken?: string;
  /** The plugin prints what it was given and exits 1, as a broken plugin does. */
  pluginFails?: boolean;
}

export function secretKubeconfig(opts: SecretKubeconfigOptions): SecretKubeconfig {
  const keyPem = pem('PRIVATE KEY');
  const certPem = pem('CERTIFICATE');
  const keyFilePem = pem('EC PRIVATE KEY');
  const certFilePem = pem('CERTIFICATE');
  const keyFile = path.join(opts.dir, 'client.key');
  const certFile = path.join(opts.dir, 'client.crt');
  writeFileSync(keyFile, keyFilePem);
  writeFileSync(certFile, certFilePem);
  const s = {
    token: `tok-${rnd()}`,
    // Three characters, one of them not ASCII: unlikely to occur by chance, even inside a gzipped heap dump.
    shortPassword: 'pé!',
    password: `pw-${rnd()}`,
    clientKeyData: Buffer.from(keyPem).toString('base64'),
    clientCertificateData: Buffer.from(certPem).toString('base64'),
    ...Object.fromEntries(body(keyPem).map((l, i) => [`clientKeyPemLine${i}`, l])),
    ...Object.fromEntries(body(keyFilePem).map((l, i) => [`keyFileLine${i}`, l])),
    ...Object.fromEntries(body(certFilePem).map((l, i) => [`certFileLine${i}`, l])),
    authProviderClientSecret: `oidc-cs-${rnd()}`,
    authProviderIdToken: `eyJ${rnd(24)}`,
    authProviderRefreshToken: `rt-${rnd()}`,
    execEnvValue: `env-${rnd()}`,
    execEnvShort: 'q§2',
    execArgFlagValue: `arg-${rnd()}`,
    execArgPositional: `pos-${rnd()}`,
    proxyPassword: `proxypw-${rnd()}`,
    execToken: opts.execToken ?? `exec-tok-${rnd()}`,
  };
  const plugin = path.join(opts.dir, 'credential-plugin.sh');
  writeFileSync(
    plugin,
    [
      '#!/bin/sh',
      '# Prints what it was given, as a chatty or broken plugin would.',
      'echo "plugin environment:" >&2',
      'env >&2',
      'echo "plugin arguments: $*" >&2',
      opts.pluginFails
        ? 'echo "error: could not get a token" >&2; exit 1'
        : `printf '%s\\n' '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"${s.execToken}"}}'`,
      '',
    ].join('\n'),
  );
  chmodSync(plugin, 0o755);
  const q = JSON.stringify;
  const yaml = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: fake',
    `  cluster: {server: ${q(opts.server)}, insecure-skip-tls-verify: true}`,
    '- name: behind-proxy',
    `  cluster: {server: "https://k8s.invalid:6443", proxy-url: ${q(`http://proxyuser:${s.proxyPassword}@proxy.invalid:3128`)}}`,
    'users:',
    '- name: exec-user',
    '  user:',
    '    exec:',
    '      apiVersion: client.authentication.k8s.io/v1beta1',
    `      command: ${q(plugin)}`,
    `      args: ["get-token", "--client-secret=${s.execArgFlagValue}", "--login", ${q(s.execArgPositional)}]`,
    `      env: [{name: PLUGIN_SECRET, value: ${q(s.execEnvValue)}}, {name: PLUGIN_PIN, value: ${q(s.execEnvShort)}}]`,
    '      interactiveMode: Never',
    '- name: token-user',
    `  user: {token: ${q(s.token)}}`,
    '- name: basic-user',
    `  user: {username: alice, password: ${q(s.password)}}`,
    '- name: short-user',
    `  user: {username: bob, password: ${q(s.shortPassword)}}`,
    '- name: cert-user',
    `  user: {client-certificate-data: ${q(s.clientCertificateData)}, client-key-data: ${q(s.clientKeyData)}}`,
    '- name: file-user',
    `  user: {client-certificate: ${q(certFile)}, client-key: ${q(keyFile)}}`,
    '- name: oidc-user',
    '  user:',
    '    auth-provider:',
    '      name: oidc',
    `      config: {client-id: kjd, client-secret: ${q(s.authProviderClientSecret)}, id-token: ${q(s.authProviderIdToken)}, refresh-token: ${q(s.authProviderRefreshToken)}, idp-issuer-url: "https://issuer.invalid"}`,
    'contexts:',
    `- name: fake`,
    `  context: {cluster: fake, user: exec-user, namespace: ${opts.namespace}}`,
    `- name: proxied`,
    `  context: {cluster: behind-proxy, user: token-user}`,
    'current-context: fake',
    '',
  ].join('\n');
  return { yaml, execToken: s.execToken, secrets: s };
}
