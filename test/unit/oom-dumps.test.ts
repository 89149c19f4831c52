// Heap dumps left on OutOfMemoryError: where to look, the toolbox's listing (the real script), names, outcome.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { oomDumpDirs, oomDumpFileName, oomDumpSetting, parseHprofs } from '../../src/collect/oom-dumps.js';
import { TOOLBOX_SCRIPT } from '../../src/collect/toolbox-script.js';
import { decideOutcome } from '../../src/engine.js';
import type { RunManifest } from '../../src/shared/model.js';

const pod = (mounts: { mountPath: string; subPath?: string }[]): V1Pod => ({
  spec: { containers: [{ name: 'app', volumeMounts: mounts.map((m, i) => ({ name: `v${i}`, ...m })) }, { name: 'side' }] },
});

describe('OOM heap dumps', () => {
  it('the setting: on or off (the last flag wins), the path or the working directory', () => {
    expect(oomDumpSetting('java -Xmx64m -jar app.jar')).toBeUndefined();
    expect(oomDumpSetting('java -XX:+HeapDumpOnOutOfMemoryError -jar app.jar')).toBe('');
    expect(oomDumpSetting('java -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/dumps -jar a.jar')).toBe('/dumps');
    expect(oomDumpSetting('java -XX:+HeapDumpOnOutOfMemoryError -XX:-HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/d x')).toBeUndefined();
  });
  it('where to look: HeapDumpPath (dir, file, relative, default cwd) and the roots of the container volumes', () => {
    const none = pod([]);
    expect(oomDumpDirs(7, 'java -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/dumps/ x', none, 'app')).toEqual(['/proc/7/root/dumps']);
    expect(oomDumpDirs(7, 'java -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/dumps/app.hprof x', none, 'app')).toEqual([
      '/proc/7/root/dumps',
    ]);
    expect(oomDumpDirs(7, 'java -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=heap x', none, 'app')).toEqual(['/proc/7/cwd/heap']);
    expect(oomDumpDirs(7, 'java -XX:+HeapDumpOnOutOfMemoryError x', none, 'app')).toEqual(['/proc/7/cwd']);
    const mounted = pod([
      { mountPath: '/dumps' },
      { mountPath: '/tmp' },
      { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
      { mountPath: '/cfg', subPath: 'x' },
    ]);
    expect(oomDumpDirs(7, 'java -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/dumps x', mounted, 'app')).toEqual([
      '/proc/7/root/dumps',
      '/proc/7/root/tmp',
    ]);
    expect(oomDumpDirs(7, 'java x', mounted, 'side')).toEqual([]);
    // Set in the environment, not on the command line.
    const env: V1Pod = {
      spec: {
        containers: [
          { name: 'app', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xmx1g -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/heap' }] },
        ],
      },
    };
    expect(oomDumpDirs(7, 'java -jar app.jar', env, 'app')).toEqual(['/proc/7/root/heap']);
    // The command line comes after the environment: its flag wins.
    expect(oomDumpDirs(7, 'java -XX:HeapDumpPath=/cmd -jar app.jar', env, 'app')).toEqual(['/proc/7/root/cmd']);
  });
  it('the toolbox lists regular *.hprof files only, with size and time, and nothing for a missing directory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kjd-hprofs-'));
    try {
      writeFileSync(path.join(dir, 'java_pid1.hprof'), 'JAVA PROFILE 1.0.2\0');
      writeFileSync(path.join(dir, 'notes.txt'), 'x');
      const uid = process.getuid?.() ?? 0;
      const gid = process.getgid?.() ?? 0;
      const out = execFileSync('sh', ['-c', TOOLBOX_SCRIPT, 'kjd', 'hprofs', String(uid), String(gid), dir, path.join(dir, 'missing')], {
        encoding: 'utf8',
      });
      const files = parseHprofs(out);
      expect(files).toEqual([{ path: path.join(dir, 'java_pid1.hprof'), size: 19, mtime: expect.any(Number) }]);
      expect(Math.abs(files[0].mtime - Date.now() / 1000)).toBeLessThan(60);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('names and parsing', () => {
    expect(oomDumpFileName('/proc/7/root/dumps/java_pid1.hprof')).toBe('oom-java_pid1.hprof.gz');
    expect(parseHprofs('hprof\t10\t20\t/a b/c.hprof\ngarbage\nhprof\tx\t1\t/d.hprof\n')).toEqual([
      { path: '/a b/c.hprof', size: 10, mtime: 20 },
    ]);
  });
  it('an OOM dump is not the live heap dump that was asked for', () => {
    const m = {
      requested: { dumps: ['heap'], threadDumpCount: 1, threadDumpIntervalMs: 0, heapDumpLive: true },
      errors: [],
      pods: [
        {
          errors: [],
          jvms: [
            {
              pid: 1,
              commandLine: '',
              feature: 17,
              errors: [],
              timingsMs: {},
              files: [{ path: 'p/oom.gz', kind: 'heap', size: 1, sha256: 'x', oom: { podPath: '/d', modified: '' } }],
            },
          ],
        },
      ],
    } as unknown as RunManifest;
    expect(decideOutcome(m)).toBe('failure');
    m.pods[0].jvms[0].files.push({ path: 'p/heap.hprof.gz', kind: 'heap', size: 1, sha256: 'y' });
    expect(decideOutcome(m)).toBe('success');
  });
});
