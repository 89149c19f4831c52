/**
 * The architecture, checked: src/ is a pipeline over two foundation folders.
 *
 *   shared  <  kube  <  inputs  <  select  <  inject  <  collect  <  analyse  <  publish  <  src/*.ts
 *
 * A file may import from its own layer or a lower one, never a higher one. So shared imports only shared, kube
 * imports shared, each stage may use the foundation and the stages before it, and only the top-level files
 * (main, cli, index, engine) orchestrate across all of them. A folder that is not in the list fails too: place it.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The team's limit for one source file; a file over it wants splitting along a seam. */
const MAX_LINES_PER_FILE = 300;

/** Lowest first. A file may import only from its own layer or one before it. */
const LAYERS = ['shared', 'kube', 'inputs', 'select', 'inject', 'collect', 'analyse', 'publish'] as const;
/** src/main.ts, src/cli.ts, src/index.ts, src/engine.ts: the orchestrators, above every layer. */
const TOP = 'top-level';
const TOP_RANK = LAYERS.length;

interface Violation {
  file: string;
  specifier: string;
  target: string;
  reason: string;
}

/** The layer of a path relative to the repo root (posix, 'src/...'); undefined when outside src/. */
function layerOf(file: string): string | undefined {
  const parts = file.split('/');
  if (parts[0] !== 'src') return undefined;
  return parts.length === 2 ? TOP : parts[1];
}

function rankOf(layer: string): number {
  return layer === TOP ? TOP_RANK : (LAYERS as readonly string[]).indexOf(layer);
}

/**
 * Every module specifier in a file: static `import ... from`, `import '...'`, `export ... from`, and `import('...')`,
 * multi-line or not, type-only or not; not the ones in comments or strings (the TypeScript scanner decides).
 */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** Where a relative specifier of `file` points, relative to the repo root; the .js of NodeNext ESM names the .ts. */
function resolve(file: string, specifier: string): string {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return target.replace(/\.js$/, '.ts');
}

/** Pure: the backwards imports among `files` (path relative to the repo root -> contents). */
function layerViolations(files: Map<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const [file, text] of files) {
    const from = layerOf(file);
    if (from === undefined) continue;
    const fromRank = rankOf(from);
    if (fromRank < 0) {
      out.push({ file, specifier: '', target: '', reason: `src/${from}/ is in no layer: add it to LAYERS` });
      continue;
    }
    for (const specifier of importsOf(text)) {
      if (!specifier.startsWith('.')) continue; // packages and node: built-ins
      const target = resolve(file, specifier);
      const to = layerOf(target);
      if (to === undefined) {
        out.push({ file, specifier, target, reason: 'reaches outside src/' });
        continue;
      }
      const toRank = rankOf(to);
      if (toRank < 0) out.push({ file, specifier, target, reason: `src/${to}/ is in no layer` });
      else if (toRank > fromRank) out.push({ file, specifier, target, reason: `${from} may not import ${to}` });
    }
  }
  return out;
}

function describeViolation(v: Violation): string {
  return v.specifier ? `${v.file} -> ${v.target} ('${v.specifier}'): ${v.reason}` : `${v.file}: ${v.reason}`;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every file under src/, keyed by its posix path relative to the repo root. */
function readSrc(filter: (file: string) => boolean): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (filter(rel)) files.set(rel, readFileSync(path.join(ROOT, rel), 'utf8'));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('layering of src/', () => {
  it('has no import from a later stage, and shared/kube import nothing above them', () => {
    const files = readSrc((f) => f.endsWith('.ts'));
    expect(files.size).toBeGreaterThan(10);
    expect(layerViolations(files).map(describeViolation)).toEqual([]);
  });

  it(`has no source file over ${MAX_LINES_PER_FILE} lines`, () => {
    const over = [...readSrc(() => true)]
      .map(([file, text]) => ({ file, lines: lineCount(text) }))
      .filter((f) => f.lines > MAX_LINES_PER_FILE)
      .map((f) => `${f.file}: ${f.lines} lines (limit ${MAX_LINES_PER_FILE})`);
    expect(over).toEqual([]);
  });
});

describe('layerViolations (the check itself)', () => {
  const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

  it('accepts imports of the same layer, lower layers and packages; the top-level files import anything', () => {
    const ok = files({
      'src/shared/a.ts': "import { b } from './b.js';\nimport { readFileSync } from 'node:fs';",
      'src/kube/client.ts': "import { CoreV1Api } from '@kubernetes/client-node';\nimport { b } from '../shared/b.js';",
      'src/collect/c.ts': "import { x } from '../inject/x.js';\nimport type { K } from '../kube/client.js';",
      'src/publish/p.ts': "export { s } from '../analyse/s.js';\nimport { i } from '../inputs/i.js';",
      'src/engine.ts': "import { p } from './publish/p.js';\nimport { m } from './main.js';",
    });
    expect(layerViolations(ok)).toEqual([]);
  });

  it('reports backwards imports of every form, each as file -> import', () => {
    const bad = files({
      'src/shared/a.ts': "import { k } from '../kube/client.js';",
      'src/kube/client.ts': "import type {\n  Settings,\n} from '../inputs/settings.js';",
      'src/select/s.ts': "export { collect } from '../collect/c.js';",
      'src/inject/i.ts': "const m = await import('../publish/p.js');",
      'src/analyse/a.ts': "// import { nope } from '../publish/p.js';\nimport { run } from '../engine.js';",
    });
    expect(layerViolations(bad).map(describeViolation)).toEqual([
      "src/shared/a.ts -> src/kube/client.ts ('../kube/client.js'): shared may not import kube",
      "src/kube/client.ts -> src/inputs/settings.ts ('../inputs/settings.js'): kube may not import inputs",
      "src/select/s.ts -> src/collect/c.ts ('../collect/c.js'): select may not import collect",
      "src/inject/i.ts -> src/publish/p.ts ('../publish/p.js'): inject may not import publish",
      `src/analyse/a.ts -> src/engine.ts ('../engine.js'): analyse may not import ${TOP}`,
    ]);
  });

  it('reports a folder outside the layers and an import that leaves src/', () => {
    const bad = files({
      'src/util/u.ts': '',
      'src/collect/c.ts': "import { u } from '../util/u.js';\nimport pkg from '../../package.json' with { type: 'json' };",
    });
    expect(layerViolations(bad).map(describeViolation)).toEqual([
      'src/util/u.ts: src/util/ is in no layer: add it to LAYERS',
      "src/collect/c.ts -> src/util/u.ts ('../util/u.js'): src/util/ is in no layer",
      "src/collect/c.ts -> package.json ('../../package.json'): reaches outside src/",
    ]);
  });
});
