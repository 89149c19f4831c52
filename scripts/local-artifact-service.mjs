#!/usr/bin/env node
// Starts the local artifact results-service fake + Azurite (test/support/artifact-service) on
// 127.0.0.1 so the action can upload an artifact outside GitHub Actions (demo, e2e tests).
//
//   node scripts/local-artifact-service.mjs --env-json /tmp/artifact-env.json \
//     [--uploads-file /tmp/uploads.json] [--download-dir /tmp/artifacts] [--port 0]
//
// Prints `export NAME='value'` lines for the client's variables, then `ready`, on stdout.
// --env-json     JSON object {ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL, GITHUB_SERVER_URL},
//                written (mode 0600, atomically) before `ready`; removed on exit.
//                `--env-file` is an alias, but node itself grabs `--env-file` anywhere on its
//                command line (nodejs/node#54232: exit 9 "not found") unless it follows `--`:
//                `node scripts/local-artifact-service.mjs -- --env-file FILE` works.
// --uploads-file JSON array of the upload records, rewritten after each finalized upload.
// --download-dir each finalized artifact's zip is extracted to <dir>/<artifact name>/.
// --port         Twirp port (default: a random free port).
// Stops (Azurite too, temp files removed) on SIGTERM, SIGINT or SIGHUP.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startArtifactService } from '../test/support/artifact-service/service.mjs';
import { extractZip } from '../test/support/artifact-service/zip.mjs';

const USAGE = 'usage: node scripts/local-artifact-service.mjs [--env-json FILE] [--uploads-file FILE] [--download-dir DIR] [--port N]';

async function writeAtomic(file, text, mode = 0o644) {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode });
  await rename(tmp, file);
}

const shellQuote = (v) => `'${String(v).replaceAll("'", "'\\''")}'`;

async function main() {
  let args;
  try {
    const argv = process.argv.slice(2);
    if (argv[0] === '--') argv.shift();
    args = parseArgs({
      args: argv,
      options: {
        'env-json': { type: 'string' },
        'env-file': { type: 'string' },
        'uploads-file': { type: 'string' },
        'download-dir': { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    process.stderr.write(`${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const envFileArg = args['env-json'] ?? args['env-file'];
  const envFile = envFileArg && path.resolve(envFileArg);
  const uploadsFile = args['uploads-file'] && path.resolve(args['uploads-file']);
  const downloadDir = args['download-dir'] && path.resolve(args['download-dir']);
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid --port ${args.port}\n${USAGE}\n`);
    process.exit(2);
  }
  // A stale env file from an earlier run must not look like readiness.
  if (envFile) await rm(envFile, { force: true });

  let service;
  const onFinalize = async (record) => {
    if (downloadDir) {
      const target = path.join(downloadDir, record.name);
      await rm(target, { recursive: true, force: true });
      await mkdir(target, { recursive: true });
      await extractZip(await service.downloadBlob(record.id), target);
    }
    if (uploadsFile) await writeAtomic(uploadsFile, JSON.stringify(service.uploads(), null, 2) + '\n');
    process.stderr.write(`artifact ${record.id} "${record.name}" finalized: ${record.blobSize} bytes, ${record.hash ?? 'no hash'}\n`);
  };
  service = await startArtifactService({ port, onFinalize });

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    try {
      await service.stop();
      if (envFile) await rm(envFile, { force: true });
    } finally {
      process.stderr.write(`local artifact service stopped (${signal})\n`);
      process.exit(0);
    }
  };
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(sig, () => void stop(sig));

  if (uploadsFile) await writeAtomic(uploadsFile, '[]\n');
  if (envFile) await writeAtomic(envFile, JSON.stringify(service.env, null, 2) + '\n', 0o600);
  const lines = Object.entries(service.env).map(([k, v]) => `export ${k}=${shellQuote(v)}`);
  process.stdout.write(`${lines.join('\n')}\nready\n`);
  process.stderr.write(
    `local artifact service: ${service.resultsUrl} (Azurite blob ${service.azurite.blobEndpoint}, pid ${service.azurite.pid})\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`local artifact service failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
