import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

// The runner executes dist/, not src/: a stale bundle would ship yesterday's code.
describe('dist/', () => {
  it('is exactly what the build makes from the committed sources', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'kjd-dist-'));
    try {
      await run(
        process.execPath,
        [
          path.join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
          'build',
          'src/index.ts',
          '-o',
          out,
          '--minify',
          '--license',
          'licenses.txt',
          '--quiet',
        ],
        { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      );
      const built = (await readdir(out)).sort();
      const committed = (await readdir(path.join(root, 'dist'))).sort();
      expect(committed).toEqual(built);
      for (const file of built) {
        const same = (await readFile(path.join(out, file))).equals(await readFile(path.join(root, 'dist', file)));
        if (!same) throw new Error(`dist/${file} differs from a fresh build: run 'npm run build' and commit dist/`);
      }
      expect(JSON.parse(await readFile(path.join(root, 'dist/package.json'), 'utf8'))).toEqual({ type: 'module' });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 240_000);
});
