// The fake kube-apiserver: HTTP routes, watches, ephemeral container updates, exec upgrades, fault switches.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  failExecSession,
  localShellHandler,
  runExecSession,
  execInternalError,
  type ExecFaults,
  type ExecHandler,
  type ExecRecord,
  type ExecRequest,
} from './exec.js';
import { SimulatedKubelet, type KubeletOptions } from './kubelet.js';
import { jsonMergePatch, jsonPatch, strategicMerge } from './patch.js';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors.js';
import {
  ApiError,
  badRequest,
  expired,
  forbidden,
  methodNotAllowed,
  notFound,
  routeNotFound,
  unauthorized,
  unsupportedMediaType,
} from './status.js';
import { KINDS, kindOfPlural, Store, type Kind, type StoreEvent } from './store.js';
import type { Json, KubeObject, StatusBody } from './types.js';
import { updateEphemeralContainers } from './validation.js';
import { WebSocketServer, type WsSocket } from './ws.js';

export const DEFAULT_TOKEN = 'fake-token';
export const DEFAULT_USER = 'system:serviceaccount:ci:kube-jvm-dump';
export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

export interface FakeApiServerOptions {
  /** gitVersion served on /version. Default v1.37.2. */
  version?: string;
  /** Bearer token every API request must carry; null disables the check. Default "fake-token". */
  token?: string | null;
  /** User named in Forbidden messages. */
  user?: string;
  /** Runs exec'd commands. Default localShellHandler (really runs them on this machine). */
  execHandler?: ExecHandler;
  /** Subprotocols the exec endpoint accepts, e.g. ['v4.channel.k8s.io'] for a pre-1.30 cluster. */
  execProtocols?: string[];
  kubelet?: KubeletOptions;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  contentType?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Parsed body, when it was JSON. */
  json?: Json;
  upgrade: boolean;
}

export interface Faults extends ExecFaults {
  /** notFound: a cluster without the subresource (404); forbidden: RBAC denies pods/ephemeralcontainers (403). */
  ephemeralContainers?: 'notFound' | 'forbidden';
  /** forbidden: RBAC denies pods/exec (403 before the upgrade). */
  exec?: 'forbidden';
  /** Checked first for every request: return a response to short-circuit it. */
  intercept?: (req: RecordedRequest) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;
  /** Requests (HTTP or exec upgrade) that get no answer at all, as from an API server that hangs; stop() closes them. */
  hang?: (req: RecordedRequest) => boolean;
}

export interface KubeconfigOptions {
  token?: string;
  namespace?: string;
  context?: string;
}

export interface FakeApiServer {
  readonly url: string;
  readonly store: Store;
  readonly kubelet: SimulatedKubelet;
  readonly requests: RecordedRequest[];
  readonly execs: ExecRecord[];
  faults: Faults;
  execHandler: ExecHandler;
  /** Container logs served on .../log, keyed "namespace/pod/container"; the previous run's "namespace/pod/container#previous". */
  readonly logs: Map<string, string>;
  kubeconfigYaml(options?: KubeconfigOptions): string;
  /** Ends every open watch from the server side, as the client's 30 s timeout or an apiserver restart would. */
  closeWatches(): void;
  readonly openWatches: number;
  stop(): Promise<void>;
}

const JSON_TYPE = 'application/json';

function sendJson(res: ServerResponse, code: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** For HTTP errors before a WebSocket upgrade, straight onto the raw socket. */
function rejectUpgrade(socket: Duplex, code: number, body: string, contentType = JSON_TYPE): void {
  socket.end(
    `HTTP/1.1 ${code} ${http.STATUS_CODES[code]}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

const listKind = (kind: Kind): string => `${kind}List`;
const stripTypeMeta = (o: KubeObject): Json => {
  const { kind: _k, apiVersion: _a, ...rest } = o;
  return rest;
};

function queryOf(url: URL): Record<string, string[]> {
  const q: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) (q[k] ??= []).push(v);
  return q;
}

export async function startFakeApiServer(options: FakeApiServerOptions = {}): Promise<FakeApiServer> {
  const store = new Store();
  const kubelet = new SimulatedKubelet(store, options.kubelet);
  const token = options.token === undefined ? DEFAULT_TOKEN : options.token;
  const user = options.user ?? DEFAULT_USER;
  const execProtocols = options.execProtocols ?? EXEC_PROTOCOLS;
  const requests: RecordedRequest[] = [];
  const execs: ExecRecord[] = [];
  const logs = new Map<string, string>();
  const watches = new Set<() => void>();
  const sessions = new Set<Promise<void>>();
  const sockets = new Set<WsSocket>();
  /** Upgrade requests left unanswered by faults.hang (no longer the HTTP server's, so stop() ends them itself). */
  const hungUpgrades = new Set<Duplex>();
  let stopping = false;

  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: 64 * 1024 * 1024,
    // The apiserver takes the first protocol the client offers that it supports.
    handleProtocols: (offered) => [...offered].find((p) => execProtocols.includes(p)) ?? false,
  });

  const api: FakeApiServer = {
    url: '',
    store,
    kubelet,
    requests,
    execs,
    faults: {},
    execHandler: options.execHandler ?? localShellHandler,
    logs,
    kubeconfigYaml: (o = {}) => kubeconfig(api.url, o.token ?? token ?? 'unused', o.namespace ?? 'default', o.context ?? 'fake'),
    closeWatches: () => [...watches].forEach((end) => end()),
    get openWatches() {
      return watches.size;
    },
    stop: async () => {
      stopping = true;
      kubelet.stop();
      api.closeWatches();
      for (const ws of sockets) ws.terminate();
      for (const socket of hungUpgrades) socket.destroy();
      await Promise.allSettled([...sessions]);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const authorized = (req: IncomingMessage): boolean => token === null || req.headers.authorization === `Bearer ${token}`;

  async function record(req: IncomingMessage, url: URL, upgrade: boolean): Promise<RecordedRequest> {
    let body = '';
    if (!upgrade) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      body = Buffer.concat(chunks).toString('utf8');
    }
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: queryOf(url),
      contentType: req.headers['content-type']?.split(';')[0].trim(),
      headers: req.headers,
      body,
      upgrade,
    };
    if (body) {
      try {
        rec.json = JSON.parse(body);
      } catch {
        // not JSON; handlers answer 400 where it matters
      }
    }
    requests.push(rec);
    return rec;
  }

  // ---- plain HTTP ----
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const rec = await record(req, url, false);
      if (api.faults.hang?.(rec)) return;
      try {
        const intercepted = api.faults.intercept?.(rec);
        if (intercepted) return sendJson(res, intercepted.status, intercepted.body ?? {}, intercepted.headers);
        if (url.pathname === '/version') return sendJson(res, 200, versionInfo(options.version ?? 'v1.37.2'));
        if (!authorized(req)) throw unauthorized();
        route(req, res, url, rec);
      } catch (err) {
        if (err instanceof ApiError) return sendJson(res, err.code, err.status);
        sendJson(res, 500, execInternalError(String(err)));
      }
    })();
  });

  function route(req: IncomingMessage, res: ServerResponse, url: URL, rec: RecordedRequest): void {
    const seg = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';
    let group: string;
    let rest: string[];
    if (seg[0] === 'api' && seg[1] === 'v1') [group, rest] = ['', seg.slice(2)];
    else if (seg[0] === 'apis' && seg[1] === 'apps' && seg[2] === 'v1') [group, rest] = ['apps', seg.slice(3)];
    else throw routeNotFound();

    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) [namespace, rest] = [rest[1], rest.slice(2)];
    const kind = kindOfPlural(group, rest[0] ?? '');
    if (!kind || rest.length > 3 || (namespace === undefined && rest.length > 1)) throw routeNotFound();
    const [, name, sub] = rest;

    if (name === undefined) {
      if (method !== 'GET') throw methodNotAllowed();
      const watch = url.searchParams.get('watch');
      if (watch === 'true' || watch === '1') return serveWatch(res, url, kind, namespace);
      return serveList(res, url, kind, namespace);
    }
    if (sub === undefined) {
      if (method !== 'GET') throw methodNotAllowed();
      return sendJson(res, 200, getOr404(kind, namespace!, name));
    }
    if (kind !== 'Pod') throw routeNotFound();
    if (sub === 'ephemeralcontainers') return serveEphemeralContainers(req, res, rec, namespace!, name);
    if (sub === 'exec') {
      getOr404('Pod', namespace!, name);
      throw badRequest('Upgrade request required');
    }
    if (sub === 'log' && method === 'GET') return serveLog(res, url, namespace!, name);
    throw routeNotFound();
  }

  function getOr404(kind: Kind, namespace: string, name: string): KubeObject {
    const obj = store.get(kind, namespace, name);
    if (!obj) throw notFound(KINDS[kind].plural, name, KINDS[kind].group);
    return obj;
  }

  function serveList(res: ServerResponse, url: URL, kind: Kind, namespace: string | undefined): void {
    const labels = parseLabelSelector(url.searchParams.get('labelSelector'));
    const fields = parseFieldSelector(kind, url.searchParams.get('fieldSelector'));
    const items = store.list(kind, namespace).filter((o) => matchesLabels(labels, o.metadata.labels) && matchesFields(fields, o));
    const metadata = { resourceVersion: store.currentResourceVersion() };
    sendJson(res, 200, { kind: listKind(kind), apiVersion: KINDS[kind].apiVersion, metadata, items: items.map(stripTypeMeta) });
  }

  function serveWatch(res: ServerResponse, url: URL, kind: Kind, namespace: string | undefined): void {
    const labels = parseLabelSelector(url.searchParams.get('labelSelector'));
    const fields = parseFieldSelector(kind, url.searchParams.get('fieldSelector'));
    const rvParam = url.searchParams.get('resourceVersion') ?? '';
    if (rvParam !== '' && !/^\d+$/.test(rvParam)) throw badRequest(`resourceVersion: Invalid value: "${rvParam}": must be a number`);
    const matches = (o: KubeObject | undefined): boolean =>
      !!o &&
      (namespace === undefined || o.metadata.namespace === namespace) &&
      matchesLabels(labels, o.metadata.labels) &&
      matchesFields(fields, o);

    res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
    res.flushHeaders();
    const write = (type: string, object: unknown): void => void res.write(`${JSON.stringify({ type, object })}\n`);
    const translate = (e: StoreEvent): void => {
      if (e.kind !== kind) return;
      const now = matches(e.object);
      const before = matches(e.previous);
      if (e.type === 'ADDED' && now) write('ADDED', e.object);
      else if (e.type === 'MODIFIED' && now) write(before ? 'MODIFIED' : 'ADDED', e.object);
      else if (e.type === 'MODIFIED' && before) write('DELETED', e.object);
      else if (e.type === 'DELETED' && before) write('DELETED', e.object);
    };

    let ended = false;
    const unsubscribe = store.subscribe(translate);
    const end = (): void => {
      if (ended) return;
      ended = true;
      unsubscribe();
      watches.delete(end);
      res.end();
    };
    watches.add(end);
    res.on('close', end);

    if (rvParam === '' || rvParam === '0') {
      for (const o of store.list(kind, namespace)) if (matches(o)) write('ADDED', o);
    } else {
      const events = store.eventsSince(Number(rvParam));
      if (!events) {
        write('ERROR', expired(`too old resource version: ${rvParam} (${store.currentResourceVersion()})`).status);
        return end();
      }
      events.forEach(translate);
    }
  }

  /** PATCH only: the product adds its debugger with one strategic merge patch (never GET, PUT or dryRun). */
  function serveEphemeralContainers(
    req: IncomingMessage,
    res: ServerResponse,
    rec: RecordedRequest,
    namespace: string,
    name: string,
  ): void {
    if (api.faults.ephemeralContainers === 'notFound') throw routeNotFound();
    if (req.method !== 'PATCH') throw methodNotAllowed();
    if (api.faults.ephemeralContainers === 'forbidden') throw forbidden(user, 'patch', 'pods', 'ephemeralcontainers', namespace, name);
    const current = getOr404('Pod', namespace, name);
    if (rec.json === undefined) throw badRequest(`error decoding patch: invalid character in ${JSON.stringify(rec.body.slice(0, 40))}`);
    let incoming: Json;
    switch (rec.contentType) {
      case 'application/strategic-merge-patch+json':
        incoming = strategicMerge(current, rec.json);
        break;
      case 'application/json-patch+json':
        incoming = jsonPatch(current, rec.json);
        break;
      case 'application/merge-patch+json':
        incoming = jsonMergePatch(current, rec.json);
        break;
      default:
        throw unsupportedMediaType();
    }

    const { pod, warnings } = updateEphemeralContainers(current, incoming);
    const headers: Record<string, string[]> = warnings.length ? { Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`) } : {};
    const before = new Set<string>((current.spec?.ephemeralContainers ?? []).map((c: Json) => c.name));
    const unchanged = JSON.stringify(current.spec?.ephemeralContainers ?? []) === JSON.stringify(pod.spec?.ephemeralContainers ?? []);
    if (unchanged) return sendJson(res, 200, current, headers);
    const stored = store.update('Pod', namespace, name, () => pod);
    for (const c of stored.spec?.ephemeralContainers ?? [])
      if (!before.has(c.name)) kubelet.ephemeralContainerAdded(namespace, name, c.name);
    sendJson(res, 200, stored, headers);
  }

  function serveLog(res: ServerResponse, url: URL, namespace: string, name: string): void {
    const pod = getOr404('Pod', namespace, name);
    const names = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map(
      (c: Json) => c.name,
    );
    const container = url.searchParams.get('container') ?? (pod.spec?.containers?.length === 1 ? pod.spec.containers[0].name : undefined);
    if (!container) throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`);
    if (!names.includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
    const previous = ['true', '1'].includes(url.searchParams.get('previous') ?? '');
    const stored = logs.get(`${namespace}/${name}/${container}${previous ? '#previous' : ''}`);
    if (previous && stored === undefined) throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
    // limitBytes, as the kubelet applies it: the first bytes of the log (it may cut a line).
    const limit = Number(url.searchParams.get('limitBytes') ?? NaN);
    const all = Buffer.from(stored ?? '');
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(Number.isInteger(limit) && limit > 0 ? all.subarray(0, limit) : all);
  }

  // ---- exec (WebSocket upgrade) ----
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    const url = new URL(req.url ?? '/', 'http://localhost');
    void record(req, url, true).then((rec) => {
      try {
        if (stopping) return socket.destroy();
        if (api.faults.hang?.(rec)) return void hungUpgrades.add(socket);
        const intercepted = api.faults.intercept?.(rec);
        if (intercepted) return rejectUpgrade(socket, intercepted.status, JSON.stringify(intercepted.body ?? {}));
        if (!authorized(req)) throw unauthorized();
        const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/.exec(url.pathname);
        if (!m) throw routeNotFound();
        const [namespace, podName] = [decodeURIComponent(m[1]), decodeURIComponent(m[2])];
        const pod = getOr404('Pod', namespace, podName);
        if (api.faults.exec === 'forbidden') throw forbidden(user, 'create', 'pods', 'exec', namespace, podName);
        const flag = (k: string): boolean => ['true', '1'].includes(url.searchParams.get(k) ?? '');
        const execReq: ExecRequest = {
          namespace,
          pod: podName,
          container: url.searchParams.get('container') ?? '',
          command: url.searchParams.getAll('command'),
          stdin: flag('stdin'),
          stdout: flag('stdout'),
          stderr: flag('stderr'),
          tty: flag('tty'),
          protocol: '',
        };
        if (!execReq.stdin && !execReq.stdout && !execReq.stderr) throw badRequest('you must specify at least 1 of stdin, stdout, stderr');
        const regular = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c: Json) => c.name as string);
        const ephemeral = (pod.spec?.ephemeralContainers ?? []).map((c: Json) => c.name as string);
        if (!execReq.container) {
          if ((pod.spec?.containers ?? []).length !== 1)
            throw badRequest(
              `a container name must be specified for pod ${podName}, choose one of: [${(pod.spec?.containers ?? []).map((c: Json) => c.name).join(' ')}]`,
            );
          execReq.container = pod.spec.containers[0].name;
        }
        if (!regular.includes(execReq.container) && !ephemeral.includes(execReq.container))
          throw badRequest(`container ${execReq.container} is not valid for pod ${podName}`);
        if (execReq.command.length === 0) throw badRequest('you must specify at least one command for the container');

        const statuses: Json[] = ephemeral.includes(execReq.container)
          ? (pod.status?.ephemeralContainerStatuses ?? [])
          : (pod.status?.containerStatuses ?? []);
        const st = statuses.find((s) => s.name === execReq.container);
        // Regular containers without any status entry count as running (hand-made fixtures); ephemeral ones must have started.
        const running = st ? !!st.state?.running : !ephemeral.includes(execReq.container);
        const offered = String(req.headers['sec-websocket-protocol'] ?? '')
          .split(',')
          .map((p) => p.trim());
        const protocol = offered.find((p) => execProtocols.includes(p)) ?? '';
        // Before v5 the kubelet's refusal came back as a failed upgrade; v5 goes through the apiserver's translator.
        if (!running && protocol !== 'v5.channel.k8s.io')
          return rejectUpgrade(socket, 500, `container not found (${JSON.stringify(execReq.container)})`, 'text/plain');

        wss.handleUpgrade(req, socket, head, (ws) => {
          execReq.protocol = ws.protocol;
          const execRecord: ExecRecord = { ...execReq, command: [...execReq.command], stdoutBytes: 0, stderrBytes: 0, stdinBytes: 0 };
          execs.push(execRecord);
          sockets.add(ws);
          const session = running
            ? runExecSession(ws, execReq, execRecord, api.execHandler, api.faults)
            : failExecSession(
                ws,
                execRecord,
                execInternalError(`unable to upgrade connection: container not found (${JSON.stringify(execReq.container)})`),
              );
          const tracked: Promise<void> = session
            .catch(() => {})
            .finally(() => {
              sessions.delete(tracked);
              sockets.delete(ws);
            });
          sessions.add(tracked);
        });
      } catch (err) {
        const status: StatusBody = err instanceof ApiError ? err.status : execInternalError(String(err));
        rejectUpgrade(socket, status.code ?? 500, JSON.stringify(status));
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  (api as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}

function versionInfo(gitVersion: string): Json {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m?.[1] ?? '1',
    minor: m?.[2] ?? '0',
    emulationMajor: m?.[1] ?? '1',
    emulationMinor: m?.[2] ?? '0',
    gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.25.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

function kubeconfig(server: string, token: string, namespace: string, context: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${context}`,
    '  cluster:',
    `    server: ${server}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    `- name: ${context}-user`,
    '  user:',
    `    token: ${JSON.stringify(token)}`,
    'contexts:',
    `- name: ${context}`,
    '  context:',
    `    cluster: ${context}`,
    `    user: ${context}-user`,
    `    namespace: ${namespace}`,
    `current-context: ${context}`,
    '',
  ].join('\n');
}
