// Identities and namespaces for the least-privilege, Pod Security and credential scenarios: ServiceAccounts
// with a Role of our choosing, a client-certificate user signed by the cluster's CA, labelled namespaces.
import {
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
  Watch,
  type KubernetesObject,
  type V1PodSpec,
  type V1PolicyRule,
} from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ACTION_KUBECONFIG, admin, STATE_DIR } from './cluster.js';
import { testCleanup, type CleanupRegistry } from './cleanup.js';

/** The README's Role, rule by rule (cluster/manifests/rbac.yaml holds the same). */
export const README_ROLE_RULES: V1PolicyRule[] = [
  { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['apps'], resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'], verbs: ['get', 'list'] },
  { apiGroups: [''], resources: ['pods/ephemeralcontainers'], verbs: ['patch'] },
  { apiGroups: [''], resources: ['pods/exec'], verbs: ['get', 'create'] },
  { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
  { apiGroups: [''], resources: ['events'], verbs: ['list'] },
];

/** The README's Role less one verb on one resource. */
export function rulesWithout(resource: string, verb: string): V1PolicyRule[] {
  return README_ROLE_RULES.flatMap((r) => {
    if (!r.resources?.includes(resource)) return [r];
    const others = r.resources.filter((x) => x !== resource);
    const out: V1PolicyRule[] = others.length ? [{ ...r, resources: others }] : [];
    const verbs = r.verbs.filter((v) => v !== verb);
    if (verbs.length) out.push({ ...r, resources: [resource], verbs });
    return out;
  });
}

const rbac = () => admin().kc.makeApiClient(RbacAuthorizationV1Api);

/** Waits, by watch, until an object satisfies `done` (it is read first, so a state already reached counts). */
export async function watchUntil<T extends KubernetesObject>(
  listPath: string,
  name: string,
  read: () => Promise<T | undefined>,
  done: (obj: T | undefined) => boolean,
  timeoutMs = 60_000,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const current = await read();
    if (done(current)) return current;
    await new Promise<void>((resolve) => {
      let controller: AbortController | undefined;
      const finish = () => {
        clearTimeout(timer);
        controller?.abort();
        resolve();
      };
      const timer = setTimeout(finish, Math.max(0, Math.min(30_000, deadline - Date.now())));
      new Watch(admin().kc)
        .watch(
          listPath,
          { fieldSelector: `metadata.name=${name}`, resourceVersion: current?.metadata?.resourceVersion },
          (_type, obj: T) => {
            if (done(obj)) finish();
          },
          finish,
        )
        .then((c) => {
          controller = c;
        })
        .catch(finish);
    });
  }
  throw new Error(`${listPath}/${name}: condition not reached within ${timeoutMs} ms`);
}

export async function createNamespace(
  name: string,
  labels: Record<string, string> = {},
  cleanup: CleanupRegistry = testCleanup,
): Promise<void> {
  const core = admin().core;
  await deleteNamespace(name);
  cleanup.add(`namespace ${name}`, () => deleteNamespace(name));
  await core.createNamespace({ body: { metadata: { name, labels } } });
}

export async function deleteNamespace(name: string): Promise<void> {
  const core = admin().core;
  await core.deleteNamespace({ name, gracePeriodSeconds: 0 }).catch(() => undefined);
  await watchUntil(
    '/api/v1/namespaces',
    name,
    () => core.readNamespace({ name }).catch(() => undefined),
    (ns) => ns === undefined,
    180_000,
  );
}

export async function labelNamespace(name: string, labels: Record<string, string>): Promise<void> {
  const core = admin().core;
  const ns = await core.readNamespace({ name });
  ns.metadata!.labels = { ...ns.metadata!.labels, ...labels };
  await core.replaceNamespace({ name, body: ns });
}

/** A kubeconfig like the cluster's action.kubeconfig (same server and CA) for another user. */
function kubeconfigFor(user: string, credentials: Record<string, string>, namespace: string): string {
  const base = new KubeConfig();
  base.loadFromFile(ACTION_KUBECONFIG);
  const cluster = base.getCurrentCluster()!;
  const ca = readFileSync(path.join(STATE_DIR, 'pki', 'ca.crt')).toString('base64');
  const creds = Object.entries(credentials)
    .map(([k, v]) => `    ${k}: ${v}`)
    .join('\n');
  return `apiVersion: v1
kind: Config
clusters:
- name: kind-kjd
  cluster:
    server: ${cluster.server}
    certificate-authority-data: ${ca}
users:
- name: ${user}
  user:
${creds}
contexts:
- name: ${user}@kind-kjd
  context:
    cluster: kind-kjd
    user: ${user}
    namespace: ${namespace}
current-context: ${user}@kind-kjd
`;
}

/** A ServiceAccount in `namespace` bound to a Role with `rules`; returns its token kubeconfig. */
export async function serviceAccountWithRole(
  name: string,
  namespace: string,
  rules: V1PolicyRule[],
  cleanup: CleanupRegistry = testCleanup,
): Promise<string> {
  const { core } = admin();
  const r = rbac();
  cleanup.add(`service account ${namespace}/${name}`, async () => {
    await core.deleteNamespacedServiceAccount({ name, namespace }).catch(() => undefined);
    await core.deleteNamespacedSecret({ name: `${name}-token`, namespace }).catch(() => undefined);
    await r.deleteNamespacedRole({ name, namespace }).catch(() => undefined);
    await r.deleteNamespacedRoleBinding({ name, namespace }).catch(() => undefined);
  });
  await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name } } });
  await r.createNamespacedRole({ namespace, body: { metadata: { name }, rules } });
  await r.createNamespacedRoleBinding({
    namespace,
    body: {
      metadata: { name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace }],
    },
  });
  await core.createNamespacedSecret({
    namespace,
    body: {
      metadata: { name: `${name}-token`, annotations: { 'kubernetes.io/service-account.name': name } },
      type: 'kubernetes.io/service-account-token',
    },
  });
  const secret = await watchUntil(
    `/api/v1/namespaces/${namespace}/secrets`,
    `${name}-token`,
    () => core.readNamespacedSecret({ name: `${name}-token`, namespace }),
    (s) => !!s?.data?.token,
  );
  return kubeconfigFor(name, { token: Buffer.from(secret!.data!.token, 'base64').toString('utf8') }, namespace);
}

/** Replaces the Role's rules and waits until the authorizer says `user` may (or may not) do `verb` on `resource`. */
export async function setRoleRules(name: string, namespace: string, rules: V1PolicyRule[], user: string): Promise<void> {
  const r = rbac();
  const role = await r.readNamespacedRole({ name, namespace });
  role.rules = rules;
  await r.replaceNamespacedRole({ name, namespace, body: role });
  // RBAC changes reach the authorizer through its informer: ask it until every rule reads as written.
  const auth = admin().kc.makeApiClient(AuthorizationV1Api);
  const checks = README_ROLE_RULES.flatMap((rule) =>
    rule.resources!.flatMap((res) =>
      rule.verbs.map((verb) => {
        const [resource, subresource] = res.split('/');
        const allowed = rules.some(
          (x) => x.resources?.includes(res) && x.verbs.includes(verb) && (x.apiGroups ?? []).includes(rule.apiGroups![0]),
        );
        return { attrs: { namespace, verb, resource, subresource, group: rule.apiGroups![0] }, allowed };
      }),
    ),
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    const answers = await Promise.all(
      checks.map((c) =>
        auth
          .createSubjectAccessReview({ body: { spec: { user, resourceAttributes: c.attrs } } })
          .then((a) => a.status?.allowed === c.allowed),
      ),
    );
    if (answers.every(Boolean)) return;
    if (Date.now() > deadline) throw new Error(`Role ${namespace}/${name} not in effect for ${user} after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ClientCertificate {
  kubeconfig: string;
  keyData: string;
  certData: string;
}

/** A user with a client certificate signed by the cluster's CA, in `group`: the kubeconfig shape kind writes. */
export function clientCertificateKubeconfig(user: string, group: string, namespace: string): ClientCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'kjd-cert-'));
  try {
    const pki = path.join(STATE_DIR, 'pki');
    const run = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    run('genrsa', '-out', `${dir}/user.key`, '2048');
    run('req', '-new', '-key', `${dir}/user.key`, '-subj', `/CN=${user}/O=${group}`, '-out', `${dir}/user.csr`);
    run(
      'x509',
      '-req',
      '-in',
      `${dir}/user.csr`,
      '-CA',
      `${pki}/ca.crt`,
      '-CAkey',
      `${pki}/ca.key`,
      '-CAcreateserial',
      '-CAserial',
      `${dir}/ca.srl`,
      '-days',
      '1',
      '-out',
      `${dir}/user.crt`,
    );
    const keyData = readFileSync(`${dir}/user.key`).toString('base64');
    const certData = readFileSync(`${dir}/user.crt`).toString('base64');
    return {
      kubeconfig: kubeconfigFor(user, { 'client-certificate-data': certData, 'client-key-data': keyData }, namespace),
      keyData,
      certData,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Binds a group to an existing Role (the README's, as the cluster's kjd-action Role). */
export async function bindGroup(name: string, namespace: string, role: string, group: string): Promise<void> {
  const r = rbac();
  testCleanup.add(`role binding ${namespace}/${name}`, () => r.deleteNamespacedRoleBinding({ name, namespace }).catch(() => undefined));
  await r.deleteNamespacedRoleBinding({ name, namespace }).catch(() => undefined);
  await r.createNamespacedRoleBinding({
    namespace,
    body: {
      metadata: { name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
      subjects: [{ kind: 'Group', name: group, apiGroup: 'rbac.authorization.k8s.io' }],
    },
  });
}

/** Java classes compiled here (javac --release 8), as one jar in a ConfigMap: mount it at /classes, run with -cp /classes/app.jar. */
export async function classesConfigMap(
  name: string,
  namespace: string,
  sources: string[],
  cleanup: CleanupRegistry = testCleanup,
): Promise<void> {
  const core: CoreV1Api = admin().core;
  const dir = mkdtempSync(path.join(tmpdir(), 'kjd-classes-'));
  try {
    // A jar, since ConfigMap keys may not hold the '$' of inner classes.
    execFileSync('javac', ['--release', '8', '-nowarn', '-d', `${dir}/classes`, ...sources], { stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync('jar', ['cf', `${dir}/app.jar`, '-C', `${dir}/classes`, '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const binaryData = { 'app.jar': readFileSync(`${dir}/app.jar`).toString('base64') };
    await core.deleteNamespacedConfigMap({ name, namespace }).catch(() => undefined);
    cleanup.add(`config map ${namespace}/${name}`, () => core.deleteNamespacedConfigMap({ name, namespace }).catch(() => undefined));
    await core.createNamespacedConfigMap({ namespace, body: { metadata: { name }, binaryData } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Makes the pod's JVM container run `main` from the jar of classesConfigMap(`configMap`) (behind tini, as the images do). */
export function runClassesFrom(spec: V1PodSpec, configMap: string, javaArgs: string[]): V1PodSpec {
  const c = spec.containers[0];
  c.command = ['/usr/bin/tini', '--', 'java', '-cp', '/classes/app.jar', ...javaArgs];
  c.volumeMounts = [...(c.volumeMounts ?? []), { name: 'classes', mountPath: '/classes' }];
  spec.volumes = [...(spec.volumes ?? []), { name: 'classes', configMap: { name: configMap } }];
  return spec;
}
