// The host's JDK as an independent judge of what the action collected: its `jfr` tool reads recordings, its XML
// parser reads SVGs. Neither shares code with the action, so agreeing with them means something.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const XML_CHECK = path.resolve(import.meta.dirname, 'XmlCheck.java');

function withFiles<T>(files: Record<string, Buffer>, use: (paths: string[]) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'kjd-host-jdk-'));
  try {
    const paths = Object.entries(files).map(([name, data]) => {
      const p = path.join(dir, name);
      writeFileSync(p, data);
      return p;
    });
    return use(paths);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Event counts by type from `jfr summary` (it throws when the host's jfr cannot read the recording). */
export function jfrSummaryOnHost(recording: Buffer): Map<string, number> {
  const out = withFiles({ 'recording.jfr': recording }, ([p]) =>
    execFileSync('jfr', ['summary', p], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  // Rows of the event table: " jdk.ExecutionSample     968     9680" (type, count, size in bytes).
  return new Map([...out.matchAll(/^\s*(\S+)\s+(\d+)\s+\d+\s*$/gm)].map((m) => [m[1], Number(m[2])]));
}

export interface XmlFacts {
  rootNamespace: string;
  root: string;
  scripts: number;
  eventHandlers: number;
  externalReferences: number;
  /** The text of every element, space-separated. */
  text: string;
}

/** Parses each document with the JDK's XML parser (throws, with the parser's reason, on one that is not well-formed). */
export function parseXmlOnHost(docs: Record<string, Buffer>): Map<string, XmlFacts> {
  const names = Object.keys(docs);
  const out = withFiles(docs, (paths) =>
    execFileSync('java', [XML_CHECK, ...paths], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }),
  );
  const lines = out.split('\n').filter(Boolean);
  return new Map(
    lines.map((line, i) => {
      const [rootNamespace, root, scripts, eventHandlers, externalReferences, ...text] = line.split('\t');
      return [
        names[i],
        {
          rootNamespace,
          root,
          scripts: Number(scripts),
          eventHandlers: Number(eventHandlers),
          externalReferences: Number(externalReferences),
          text: text.join('\t'),
        },
      ];
    }),
  );
}
