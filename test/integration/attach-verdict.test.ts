// The toolbox's attach verdict against real JVMs: a jcmd that never reached the JVM exits 91 ('attach'), one whose
// command failed after the attach keeps jcmd's own status ('tool'). The runner sends a JVM the SIGQUIT way on the first,
// and records only the failed kind on the second (see collect-jvm.ts); so the verdict must not depend on jcmd's words.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { toolboxCommand } from '../../src/collect/toolbox.js';
import { failureOfExit, parseJavaVersion } from '../../src/collect/toolbox-protocol.js';
import { startSimpleJvm, type LocalJvm } from './support/local-jvm.js';

function toolbox(...args: (string | number)[]) {
  const argv = toolboxCommand(args[0] as 'jcmd', ...args.slice(1));
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout };
}

describe('attach verdict of the toolbox, real JVMs', () => {
  let open: LocalJvm;
  let closed: LocalJvm;
  const me = [process.getuid!(), process.getgid!()];
  beforeAll(async () => {
    [open, closed] = await Promise.all([startSimpleJvm(), startSimpleJvm(30_000, undefined, ['-XX:+DisableAttachMechanism'])]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([open?.stop(), closed?.stop()]);
  });

  it('attach disabled: the series and a single jcmd exit 91', () => {
    expect(failureOfExit(toolbox('threads', ...me, closed.pid, 2, 0, '', 'Thread.print').code)).toBe('attach');
    expect(failureOfExit(toolbox('jcmd', ...me, closed.pid, 'VM.version').code)).toBe('attach');
  }, 60_000);

  it('attached, then the command failed: jcmd exits with its own status, not 91', () => {
    const ok = toolbox('threads', ...me, open.pid, 1, 0, '', 'Thread.print');
    expect(ok.code).toBe(0);
    const refused = toolbox('jcmd', ...me, open.pid, 'No.such_command');
    expect(refused.code).not.toBe(0);
    expect(failureOfExit(refused.code)).toBe('tool');
  }, 60_000);

  it('the probe reads the version of each: the one VM.version names (which may leave out a vendor part)', () => {
    const argv = toolboxCommand('probe');
    const probe = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' }).stdout;
    const vmVersion = /^JDK (\S+)/m.exec(toolbox('jcmd', ...me, open.pid, 'VM.version').stdout)![1];
    for (const jvm of [open, closed]) {
      const line = new RegExp(`^jvmver\\t${jvm.pid}\\t(\\S+)$`, 'm').exec(probe);
      expect(parseJavaVersion(line![1])?.version).toMatch(new RegExp(`^${vmVersion.replace(/\W/g, '\\$&')}`));
    }
  }, 60_000);
});
