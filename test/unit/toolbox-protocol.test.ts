import { describe, expect, it } from '@jest/globals';
import {
  failureOfExit,
  parseFreeKiB,
  parseJavaVersion,
  parseProbe,
  parseStreamTrailer,
  parseVmVersion,
  toolboxErrorLine,
} from '../../src/collect/toolbox-protocol.js';
import { hasFeature, javaFeatureOf, JdkFeature } from '../../src/shared/jdk-features.js';

describe('toolbox protocol', () => {
  it('parses the probe: debugger identity, jcmd version, JVMs with ids', () => {
    const p = parseProbe(
      'self\t0\t0\njcmd\t/opt/java/openjdk/bin/jcmd\t25.0.1\njvm\t7\t1000\t1000\t7\t/usr/bin/java -Xmx64m Simple\njvm\tx\n',
    );
    expect(p).toEqual({
      selfUid: 0,
      selfGid: 0,
      jcmdPath: '/opt/java/openjdk/bin/jcmd',
      jdkVersion: '25.0.1',
      jdkFeature: 25,
      jvms: [{ pid: 7, uid: 1000, gid: 1000, nsPid: 7, commandLine: '/usr/bin/java -Xmx64m Simple' }],
    });
    expect(parseProbe('self\t1000\t1000\njcmd\t\t\n').jcmdPath).toBeUndefined();
  });
  it("takes a JVM's version from the probe only when it is version-shaped, for a JVM it listed, once", () => {
    const p = parseProbe(
      [
        'self\t0\t0',
        'jvm\t7\t0\t0\t7\tjava Simple',
        'jvmver\t7\t1.8.0_462',
        'jvmver\t7\t25.0.1',
        'jvm\t8\t0\t0\t8\tjava A',
        'jvmver\t8\t17.0.15+6-Debian-1',
        'jvm\t9\t0\t0\t9\tjava B',
        'jvmver\t9\t17\t<script>',
        'jvmver\t42\t21.0.1',
      ].join('\n'),
    );
    expect(p.jvms.map((j) => [j.pid, j.version, j.feature])).toEqual([
      [7, '8.0_462', 8],
      [8, '17.0.15+6-Debian-1', 17],
      [9, undefined, undefined],
    ]);
  });
  it('parses a java.version from the pod strictly: a plausible release, or nothing', () => {
    expect(parseJavaVersion('1.8.0_462')).toEqual({ version: '8.0_462', feature: 8 });
    expect(parseJavaVersion('21-ea')).toEqual({ version: '21-ea', feature: 21 });
    expect(parseJavaVersion('25.0.5.0.3')).toEqual({ version: '25.0.5.0.3', feature: 25 });
    for (const hostile of [
      '',
      'abc',
      '1.5.0_22',
      '0.9',
      '100.0.1',
      '17.0.9touch',
      '17;rm',
      '17\t1',
      '17 ',
      ' 17',
      '17\n',
      `1${'0'.repeat(40)}`,
      '17..1',
    ])
      expect([hostile, parseJavaVersion(hostile)]).toEqual([hostile, undefined]);
  });
  it('reads Java feature releases old and new', () => {
    expect(javaFeatureOf('1.8.0_462')).toBe(8);
    expect(javaFeatureOf('21.0.9')).toBe(21);
    expect(parseVmVersion('7:\nOpenJDK 64-Bit Server VM version 25.462-b08\nJDK 8.0_462\n')).toEqual({ version: '8.0_462', feature: 8 });
    expect(parseVmVersion('7:\nOpenJDK 64-Bit Server VM version 17.0.15+6\nJDK 17.0.15\n').feature).toBe(17);
  });
  it('treats an unknown JDK as one without the newer features', () => {
    expect(hasFeature(undefined, JdkFeature.HistogramAll)).toBe(false);
    expect(hasFeature(15, JdkFeature.HeapDumpGzip)).toBe(true);
    expect(hasFeature(17, JdkFeature.JcmdFollowsProcRoot)).toBe(false);
  });
  it('reads the stream trailer and the free-space record', () => {
    const sha = 'a'.repeat(64);
    expect(parseStreamTrailer(`kjd-size\t10\nkjd-source-exit\t0\nkjd-sha256\t${sha}\n`)).toEqual({
      sourceSize: 10,
      sourceExit: 0,
      sha256: sha,
    });
    expect(parseStreamTrailer('kjd-sha256\tnot-a-hash\n').sha256).toBeUndefined();
    expect(parseFreeKiB('avail_kb\t12345\n')).toBe(12345);
    expect(parseFreeKiB('avail_kb\t\n')).toBeUndefined();
  });
  it('types failures by exit code, not by message', () => {
    expect([91, 92, 93, 94, 95, 96, 97, 98, 99].map(failureOfExit)).toEqual([
      'attach',
      'sigquit-not-caught',
      'no-work-dir',
      'unreadable',
      'tmp-link',
      'no-free-space-info',
      'uid-mismatch',
      'no-jcmd',
      'unknown-command',
    ]);
    expect(failureOfExit(1)).toBe('tool');
    expect(toolboxErrorLine('noise\nkjd-error: cannot read /tmp/x\n')).toBe('cannot read /tmp/x');
  });
});
