// The real artifact client's upload, read back from Azurite through the local results service.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { startArtifactService, type ArtifactService } from '../../support/artifact-service/service.mjs';
import { readZip, type ZipEntry } from '../../support/artifact-service/zip.mjs';
import type { RunManifest } from '../../../src/shared/model.js';

export { startArtifactService, type ArtifactService };

export interface Artifact {
  entries: Map<string, ZipEntry>;
  manifest: RunManifest;
  text(name: string): string;
}

export async function downloadArtifact(service: ArtifactService, name: string): Promise<Artifact> {
  const zip = await service.downloadBlob(name);
  const entries = new Map(
    readZip(zip)
      .filter((e) => !e.isDirectory)
      .map((e) => [e.name, e]),
  );
  const get = (n: string) => {
    const e = entries.get(n);
    if (!e) throw new Error(`artifact ${name} has no ${n}; it has ${[...entries.keys()].join(', ')}`);
    return e.data;
  };
  return { entries, manifest: JSON.parse(get('manifest.json').toString('utf8')), text: (n) => get(n).toString('utf8') };
}

/** Every file the manifest lists is in the artifact with the size and sha256 the manifest gives. */
export function checkManifestAgainstFiles(a: Artifact): number {
  let checked = 0;
  for (const pod of a.manifest.pods)
    for (const jvm of pod.jvms)
      for (const f of jvm.files) {
        const data = a.entries.get(f.path)?.data;
        if (!data) throw new Error(`manifest lists ${f.path} but the artifact lacks it`);
        if (data.length !== f.size) throw new Error(`${f.path}: size ${data.length} != manifest ${f.size}`);
        const sha = createHash('sha256').update(data).digest('hex');
        if (sha !== f.sha256) throw new Error(`${f.path}: sha256 ${sha} != manifest ${f.sha256}`);
        checked++;
      }
  return checked;
}

export function hprofHeader(gz: Buffer): string {
  return gunzipSync(gz).subarray(0, 18).toString('latin1');
}

/**
 * When a jcmd Thread.print dump was taken, as the target JVM printed it on its second line
 * ("2026-11-27 00:08:38", the container's local time, to the second). Read as UTC: only comparisons
 * between JVMs on one node with one image (so one clock and one time zone) are meaningful.
 */
export function threadDumpTime(dump: string): number {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)$/m.exec(dump.slice(0, 200));
  if (!m) throw new Error(`no timestamp line at the start of the thread dump: ${JSON.stringify(dump.slice(0, 120))}`);
  return Date.parse(`${m[1]}T${m[2]}Z`);
}

export interface DumpWindow {
  pod: string;
  /** First and last thread dump of the pod's JVM, epoch ms (whole seconds). */
  start: number;
  end: number;
}

/** Per pod, from its JVM's first thread dump to its last, by the times the JVM printed on them. */
export function threadDumpWindows(a: Artifact): DumpWindow[] {
  return a.manifest.pods.map((p) => {
    const times = p.jvms
      .flatMap((j) => j.files)
      .filter((f) => f.kind === 'threads')
      .map((f) => threadDumpTime(a.text(f.path)));
    if (times.length < 2) throw new Error(`${p.pod}: ${times.length} thread dump(s), a window needs at least 2`);
    return { pod: p.pod, start: Math.min(...times), end: Math.max(...times) };
  });
}
