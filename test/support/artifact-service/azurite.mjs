// Launches Azurite's blob service (npm `azurite`, a devDependency) as a child process on a
// free 127.0.0.1 port with a temporary workspace. Plain ESM JavaScript so that tests, the
// standalone script (scripts/local-artifact-service.mjs) and the demo can all use it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Azurite's development account and its published, well-known key (not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** Absolute path of the `azurite-blob` entry point (the target of node_modules/.bin/azurite-blob). */
export function azuriteBlobEntry() {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('azurite/package.json');
  const pkg = require(pkgPath);
  const bin = pkg.bin?.['azurite-blob'];
  if (!bin) throw new Error(`azurite at ${path.dirname(pkgPath)} has no azurite-blob binary`);
  return path.resolve(path.dirname(pkgPath), bin);
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(host = HOST) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      srv.close(() => resolve(addr.port));
    });
  });
}

/** Resolves once something accepts TCP connections on host:port; rejects when `failed()` returns an error or on timeout. */
function waitForPort(host, port, failed, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const err = failed();
      if (err) return reject(err);
      if (Date.now() > deadline) return reject(new Error(`azurite did not listen on ${host}:${port} within ${timeoutMs} ms`));
      const sock = net.connect({ host, port });
      sock.once('connect', () => {
        sock.destroy();
        resolve();
      });
      sock.once('error', () => {
        sock.destroy();
        setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

/**
 * Starts `azurite-blob` on a random free port.
 * @param {{ location?: string, debugLog?: string }} [options]
 *   location: workspace folder (default: a fresh temp dir, deleted on stop);
 *   debugLog: file for Azurite's debug log (default: none).
 */
export async function startAzurite(options = {}) {
  const ownsLocation = !options.location;
  const location = options.location ?? (await mkdtemp(path.join(os.tmpdir(), 'azurite-')));
  const entry = azuriteBlobEntry();
  let lastError;
  try {
    for (let tryNo = 0; tryNo < 3; tryNo++) {
      const port = await freePort();
      try {
        const child = await spawnAzurite(entry, port, location, options.debugLog);
        return makeHandle(child, port, location, ownsLocation);
      } catch (err) {
        lastError = err;
        // Another process may have taken the port between freePort() and Azurite's bind: retry.
        if (!/EADDRINUSE/.test(String(err?.message))) break;
      }
    }
  } catch (err) {
    lastError = err;
  }
  if (ownsLocation) await rm(location, { recursive: true, force: true });
  throw lastError;
}

async function spawnAzurite(entry, port, location, debugLog) {
  const args = [
    entry,
    '--blobHost',
    HOST,
    '--blobPort',
    String(port),
    '--location',
    location,
    '--skipApiVersionCheck',
    '--loose',
    '--silent',
    '--disableTelemetry',
    '--disableProductStyleUrl',
  ];
  if (debugLog) args.push('--debug', debugLog);
  const child = spawn(process.execPath, args, {
    cwd: location,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: withoutCustomAccounts(process.env),
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-8192);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exitError;
  child.once('error', (err) => {
    exitError = err;
  });
  child.once('exit', (code, signal) => {
    exitError ??= new Error(`azurite-blob exited early (code ${code}, signal ${signal}): ${output.trim()}`);
  });
  child.output = () => output;
  try {
    await waitForPort(HOST, port, () => exitError, START_TIMEOUT_MS);
  } catch (err) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    throw err;
  }
  return child;
}

/** AZURITE_ACCOUNTS would replace the well-known development account this module relies on. */
function withoutCustomAccounts(env) {
  const copy = { ...env };
  delete copy.AZURITE_ACCOUNTS;
  return copy;
}

function makeHandle(child, port, location, ownsLocation) {
  // Do not leave an orphan Azurite behind if the parent exits without calling stop().
  const onExit = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.on('exit', onExit);
  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      process.off('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      if (ownsLocation) await rm(location, { recursive: true, force: true });
    })();
    return stopping;
  };
  return {
    host: HOST,
    port,
    account: AZURITE_ACCOUNT,
    accountKey: AZURITE_ACCOUNT_KEY,
    blobEndpoint: `http://${HOST}:${port}/${AZURITE_ACCOUNT}`,
    location,
    pid: child.pid,
    output: () => child.output(),
    stop,
  };
}
