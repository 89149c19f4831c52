// A local stand-in for the GitHub Actions "results" artifact service (Twirp, JSON), backed by
// a real Azurite blob server, so the real @actions/artifact client can upload to it.
//
// Wire format (what @actions/artifact 6 speaks): POST
//   /twirp/github.actions.results.api.v1.ArtifactService/<Method>
// with a JSON body using proto field names; int64 values are JSON strings; wrapper types
// (google.protobuf.StringValue/Int64Value) are bare JSON values; Timestamps are RFC 3339.
// Errors are Twirp errors: HTTP status + {"code": "...", "msg": "..."}.
//
// Plain ESM JavaScript (types in service.d.mts) so that it runs without a TypeScript step.
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import {
  BlobSASPermissions,
  BlobServiceClient,
  SASProtocol,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import { startAzurite } from './azurite.mjs';

export const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';
/** Message of the real service for a duplicate artifact name (HTTP 409). */
export const DUPLICATE_NAME_MSG = 'an artifact with this name already exists on the workflow run';

// Same characters the client refuses in names (path-and-artifact-name-validation.js).
const INVALID_NAME_CHARS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'];

const TWIRP_STATUS = {
  canceled: 408,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
};

class TwirpError extends Error {
  constructor(code, msg) {
    super(msg);
    this.code = code;
  }
}

const b64url = (buf) => Buffer.from(buf).toString('base64url');

/** Builds an HS256 JWT whose `scp` claim carries the Actions.Results scope, as the runner's token does. */
export function makeRuntimeToken({ runBackendId, jobBackendId, secret, ttlSeconds = 6 * 3600 }) {
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'HS256' };
  const payload = {
    scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`,
    iss: 'kube-jvm-dump-local-artifact-service',
    aud: 'actions.results',
    nbf: now - 60,
    iat: now,
    exp: now + ttlSeconds,
  };
  const unsigned = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const sig = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${sig}`;
}

/** Verifies signature and expiry of a token made by makeRuntimeToken; returns {runBackendId, jobBackendId}. */
function checkToken(authorization, secret) {
  const m = /^Bearer (\S+)$/i.exec(authorization ?? '');
  if (!m) throw new TwirpError('unauthenticated', 'missing bearer token');
  const parts = m[1].split('.');
  if (parts.length !== 3) throw new TwirpError('unauthenticated', 'malformed token');
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new TwirpError('unauthenticated', 'token signature is not valid');
  }
  let claims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw new TwirpError('unauthenticated', 'malformed token claims');
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp === 'number' && claims.exp < now) throw new TwirpError('unauthenticated', 'token expired');
  if (typeof claims.nbf === 'number' && claims.nbf > now + 60) throw new TwirpError('unauthenticated', 'token not yet valid');
  for (const scope of String(claims.scp ?? '').split(' ')) {
    const p = scope.split(':');
    if (p[0] === 'Actions.Results' && p.length === 3 && p[1] && p[2]) return { runBackendId: p[1], jobBackendId: p[2] };
  }
  throw new TwirpError('permission_denied', 'token has no Actions.Results scope');
}

/** Reads a google.protobuf wrapper in JSON form (a bare value; `{value}` is tolerated). */
function unwrap(v) {
  if (v !== null && typeof v === 'object' && 'value' in v) return v.value;
  return v;
}

function parseInt64(v, field) {
  const s = unwrap(v);
  if (s === undefined || s === null || s === '') return 0;
  if (!/^-?\d+$/.test(String(s))) throw new TwirpError('invalid_argument', `${field} is not an int64`);
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new TwirpError('out_of_range', `${field} is too large`);
  return n;
}

function requireString(body, field) {
  const v = body[field];
  if (typeof v !== 'string' || v === '') throw new TwirpError('invalid_argument', `${field} is required`);
  return v;
}

function readBody(req, limit = 1 << 20) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(new TwirpError('malformed', 'request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Starts Azurite and the Twirp fake. See service.d.mts for the options and the handle.
 * @param {import('./service.d.mts').ArtifactServiceOptions} [options]
 */
export async function startArtifactService(options = {}) {
  const runBackendId = options.runBackendId ?? randomUUID();
  const jobBackendId = options.jobBackendId ?? randomUUID();
  const containerName = options.containerName ?? 'actions-results';
  const secret = randomUUID();
  const azurite = await startAzurite({ location: options.azuriteLocation });

  let server;
  try {
    const credential = new StorageSharedKeyCredential(azurite.account, azurite.accountKey);
    const blobService = new BlobServiceClient(azurite.blobEndpoint, credential);
    const container = blobService.getContainerClient(containerName);
    await container.create();

    /** @type {Map<number, any>} id -> record (all artifacts, any run) */
    const artifacts = new Map();
    /** @type {any[]} */
    const calls = [];
    /** @type {any[]} */
    const faults = [];
    let nextId = options.firstArtifactId ?? 1;

    const sasUrl = (blobName, permissions, minutes) => {
      const now = Date.now();
      const sas = generateBlobSASQueryParameters(
        {
          containerName,
          blobName,
          permissions: BlobSASPermissions.parse(permissions),
          startsOn: new Date(now - 5 * 60_000),
          expiresOn: new Date(now + minutes * 60_000),
          protocol: SASProtocol.HttpsAndHttp,
        },
        credential,
      ).toString();
      return `${container.getBlobClient(blobName).url}?${sas}`;
    };

    const findByName = (run, name) => [...artifacts.values()].find((a) => a.runBackendId === run && a.name === name);

    const publicRecord = (a) => ({ ...a });

    const checkIds = (body, ids) => {
      const run = requireString(body, 'workflow_run_backend_id');
      const job = requireString(body, 'workflow_job_run_backend_id');
      if (run !== ids.runBackendId || job !== ids.jobBackendId) {
        throw new TwirpError('permission_denied', 'workflow run/job backend ids do not match the token');
      }
      return { run, job };
    };

    const handlers = {
      async CreateArtifact(body, ids) {
        const { run, job } = checkIds(body, ids);
        const name = requireString(body, 'name');
        const bad = INVALID_NAME_CHARS.find((c) => name.includes(c));
        if (bad) throw new TwirpError('invalid_argument', `artifact name contains an invalid character: ${JSON.stringify(bad)}`);
        const version = Number(body.version ?? 0);
        if (!Number.isInteger(version) || version < 4)
          throw new TwirpError('invalid_argument', `unsupported artifact version ${body.version}`);
        let expiresAt;
        if (body.expires_at !== undefined) {
          const t = Date.parse(body.expires_at);
          if (Number.isNaN(t)) throw new TwirpError('invalid_argument', 'expires_at is not an RFC 3339 timestamp');
          if (t <= Date.now()) throw new TwirpError('invalid_argument', 'expires_at is in the past');
          expiresAt = new Date(t).toISOString();
        }
        const existing = findByName(run, name);
        if (existing?.finalized) throw new TwirpError('already_exists', DUPLICATE_NAME_MSG);
        // An unfinalized artifact of the same name (an earlier attempt that died) is replaced.
        const id = existing?.id ?? nextId++;
        const record = {
          id,
          name,
          runBackendId: run,
          jobBackendId: job,
          blobName: `${run}/${id}/artifact.zip`,
          version,
          mimeType: unwrap(body.mime_type),
          expiresAt,
          createdAt: new Date().toISOString(),
          finalized: false,
        };
        artifacts.set(id, record);
        return { ok: true, signed_upload_url: sasUrl(record.blobName, 'cw', 60) };
      },

      async FinalizeArtifact(body, ids) {
        const { run } = checkIds(body, ids);
        const name = requireString(body, 'name');
        const a = findByName(run, name);
        if (!a) throw new TwirpError('not_found', `artifact ${name} was not created`);
        if (a.finalized) throw new TwirpError('already_exists', `artifact ${name} is already finalized`);
        const size = parseInt64(body.size, 'size');
        const hash = unwrap(body.hash);
        if (hash !== undefined && !/^sha256:[0-9a-f]{64}$/.test(String(hash))) {
          throw new TwirpError('invalid_argument', 'hash must be sha256:<64 hex digits>');
        }
        // Look at what really landed in blob storage.
        const blob = container.getBlobClient(a.blobName);
        if (!(await blob.exists())) throw new TwirpError('failed_precondition', `nothing was uploaded for artifact ${name}`);
        const digest = createHash('sha256');
        const download = await blob.download();
        let blobSize = 0;
        for await (const chunk of download.readableStreamBody) {
          blobSize += chunk.length;
          digest.update(chunk);
        }
        Object.assign(a, {
          finalized: true,
          finalizedAt: new Date().toISOString(),
          size,
          hash,
          blobSize,
          blobSha256: digest.digest('hex'),
          blobContentType: download.contentType,
        });
        try {
          await options.onFinalize?.(publicRecord(a));
        } catch (err) {
          // An observer's failure must not fail the upload (the client would retry into a conflict).
          process.stderr.write(`local artifact service: onFinalize failed for ${name}: ${err?.stack ?? err}\n`);
        }
        return { ok: true, artifact_id: String(a.id) };
      },

      async ListArtifacts(body, ids) {
        const { run } = checkIds(body, ids);
        const nameFilter = unwrap(body.name_filter);
        const idFilter = body.id_filter === undefined ? undefined : parseInt64(body.id_filter, 'id_filter');
        const list = [...artifacts.values()]
          .filter((a) => a.finalized && a.runBackendId === run)
          .filter((a) => nameFilter === undefined || a.name === nameFilter)
          .filter((a) => idFilter === undefined || a.id === idFilter)
          .map((a) => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt,
            ...(a.hash ? { digest: a.hash } : {}),
          }));
        return { artifacts: list };
      },

      async GetSignedArtifactURL(body, ids) {
        const { run } = checkIds(body, ids);
        const name = requireString(body, 'name');
        const a = findByName(run, name);
        if (!a?.finalized) throw new TwirpError('not_found', `artifact ${name} not found`);
        return { signed_url: sasUrl(a.blobName, 'r', 10) };
      },

      async DeleteArtifact(body, ids) {
        const { run } = checkIds(body, ids);
        const name = requireString(body, 'name');
        const a = findByName(run, name);
        if (!a?.finalized) throw new TwirpError('not_found', `artifact ${name} not found`);
        await container.getBlobClient(a.blobName).deleteIfExists();
        artifacts.delete(a.id);
        return { ok: true, artifact_id: String(a.id) };
      },
    };

    const sendJson = (res, status, obj) => {
      const data = Buffer.from(JSON.stringify(obj));
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': data.length });
      res.end(data);
    };

    server = http.createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = url.pathname.startsWith(TWIRP_PREFIX) ? url.pathname.slice(TWIRP_PREFIX.length) : undefined;
      const call = { method: method ?? url.pathname, status: 0, at: new Date().toISOString() };
      calls.push(call);
      try {
        if (req.method !== 'POST' || !method || !Object.hasOwn(handlers, method)) {
          throw new TwirpError('bad_route', `no handler for ${req.method} ${url.pathname}`);
        }
        const ctype = String(req.headers['content-type'] ?? '')
          .split(';')[0]
          .trim();
        if (ctype !== 'application/json') throw new TwirpError('bad_route', `unsupported Content-Type ${ctype || '(none)'}`);
        const raw = await readBody(req);
        const ids = checkToken(req.headers.authorization, secret);
        let body;
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new TwirpError('malformed', 'request body is not JSON');
        }
        if (body === null || typeof body !== 'object' || Array.isArray(body))
          throw new TwirpError('malformed', 'request body is not a JSON object');
        call.request = body;
        const fault = takeFault(faults, method);
        if (fault) {
          call.status = fault.status ?? TWIRP_STATUS[fault.code] ?? 500;
          call.fault = true;
          if (fault.rawBody !== undefined) {
            res.writeHead(call.status, { 'Content-Type': 'text/plain' });
            res.end(fault.rawBody);
          } else {
            sendJson(res, call.status, { code: fault.code ?? 'internal', msg: fault.msg ?? 'injected fault' });
          }
          return;
        }
        const out = await handlers[method](body, ids);
        call.status = 200;
        sendJson(res, 200, out);
      } catch (err) {
        const code = err instanceof TwirpError ? err.code : 'internal';
        const msg = err instanceof Error ? err.message : String(err);
        call.status = TWIRP_STATUS[code] ?? 500;
        call.error = { code, msg };
        if (!res.headersSent) sendJson(res, call.status, { code, msg });
        else res.destroy();
      }
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
    });
    const port = server.address().port;
    const resultsUrl = `http://127.0.0.1:${port}/`;
    const env = {
      ACTIONS_RUNTIME_TOKEN: makeRuntimeToken({ runBackendId, jobBackendId, secret }),
      ACTIONS_RESULTS_URL: resultsUrl,
      // The client refuses any other host as "GHES"; github.com is what a hosted runner has.
      GITHUB_SERVER_URL: 'https://github.com',
    };

    const resolveArtifact = (idOrName) => {
      const a = typeof idOrName === 'number' ? artifacts.get(idOrName) : findByName(runBackendId, idOrName);
      if (!a) throw new Error(`no artifact ${JSON.stringify(idOrName)} in the local artifact service`);
      return a;
    };

    let stopped;
    const stop = () => {
      stopped ??= (async () => {
        server.closeAllConnections?.();
        await new Promise((resolve) => server.close(() => resolve(undefined)));
        await azurite.stop();
      })();
      return stopped;
    };

    return {
      env,
      resultsUrl,
      port,
      runBackendId,
      jobBackendId,
      containerName,
      azurite: { blobEndpoint: azurite.blobEndpoint, port: azurite.port, pid: azurite.pid, location: azurite.location },
      uploads: () => [...artifacts.values()].sort((x, y) => x.id - y.id).map(publicRecord),
      calls: () => calls.map((c) => ({ ...c })),
      injectFault: (fault) => {
        faults.push({ times: 1, ...fault });
      },
      tokenFor: (run, job) => makeRuntimeToken({ runBackendId: run, jobBackendId: job, secret }),
      async downloadBlob(idOrName) {
        const a = resolveArtifact(idOrName);
        return container.getBlobClient(a.blobName).downloadToBuffer();
      },
      stop,
    };
  } catch (err) {
    server?.close();
    await azurite.stop();
    throw err;
  }
}

function takeFault(faults, method) {
  const i = faults.findIndex((f) => !f.method || f.method === method);
  if (i < 0) return undefined;
  const f = faults[i];
  f.times -= 1;
  if (f.times <= 0) faults.splice(i, 1);
  return f;
}
