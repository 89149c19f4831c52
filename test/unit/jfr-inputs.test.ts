// jfr as a dump kind: its inputs are checked when read, before anything touches the cluster.
import { describe, expect, it } from '@jest/globals';
import { getSettings, parseDumps } from '../../src/inputs/input-helper.js';
import { jfrWindowProblem } from '../../src/inputs/bounds.js';
import { Defaults } from '../../src/shared/constants.js';

const settings = (inputs: Record<string, string>) => getSettings((name) => ({ target: 'deployment/web', ...inputs })[name] ?? '', {});

describe('jfr inputs', () => {
  it('jfr is not in the default dumps, and takes its place before heap', () => {
    expect(settings({}).dumps).not.toContain('jfr');
    expect(Defaults.Dumps.split(',')).not.toContain('jfr');
    expect(parseDumps('heap,jfr,threads,vm-info')).toEqual(['threads', 'jfr', 'heap', 'vm-info']);
    expect(parseDumps('histogram recording')).toEqual(['histogram', 'jfr']);
  });

  it('defaults to a 30 s profile recording', () => {
    expect(settings({ dumps: 'jfr' })).toMatchObject({ dumps: ['jfr'], jfrDurationMs: 30_000, jfrSettings: 'profile' });
    expect(settings({ dumps: 'jfr,threads', 'jfr-duration': '10s', 'jfr-settings': 'Default' })).toMatchObject({
      jfrDurationMs: 10_000,
      jfrSettings: 'default',
    });
  });

  it('refuses settings other than profile and default', () => {
    expect(() => settings({ dumps: 'jfr', 'jfr-settings': 'custom.jfc' })).toThrow(
      "Input 'jfr-settings' must be profile or default, got 'custom.jfc'.",
    );
    // Even when jfr is not asked for: a typo is never silently ignored.
    expect(() => settings({ 'jfr-settings': '/etc/passwd' })).toThrow(/must be profile or default/);
  });

  it('refuses a recording that cannot finish before the timeout', () => {
    expect(() => settings({ dumps: 'jfr', 'jfr-duration': '50s', timeout: '1m' })).toThrow(
      "A JFR recording of 50s does not fit in 'timeout' 1m: the recording plus 20s (adding the debugger, stopping, streaming and summarising the recording) must fit. Raise 'timeout' or lower 'jfr-duration'.",
    );
    expect(settings({ dumps: 'jfr', 'jfr-duration': '40s', timeout: '1m' }).jfrDurationMs).toBe(40_000);
    // Without jfr in dumps the duration does not matter.
    expect(settings({ dumps: 'threads', 'jfr-duration': '50s', timeout: '1m' }).timeoutMs).toBe(60_000);
    expect(jfrWindowProblem(30_000, 50_000)).toBeUndefined();
    expect(jfrWindowProblem(30_001, 50_000)).toMatch(/does not fit/);
  });

  it('bounds jfr-duration from 1s to 1h', () => {
    expect(() => settings({ dumps: 'jfr', 'jfr-duration': '500ms' })).toThrow(/'jfr-duration' must be from 1s to 1h for enough samples/);
    expect(() => settings({ dumps: 'jfr', 'jfr-duration': '2h', timeout: '6h' })).toThrow(/'jfr-duration' must be from 1s to 1h, got '2h'/);
    expect(() => settings({ dumps: 'jfr', 'jfr-duration': 'soon' })).toThrow(/jfr-duration/);
  });
});
