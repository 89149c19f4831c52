import { describe, expect, it } from '@jest/globals';
import { escapeControls, inertJson, neutralise } from '../../src/shared/untrusted.js';
import { runnerCommands } from '../support/workflow-commands.js';

/** What a hostile pod can put in a thread name, a command line, a jcmd answer or a kubelet message. */
const HOSTILE = [
  '\r::error::x',
  '::error::x',
  '  \t::warning file=a::x',
  '\u00a0\u2003::add-mask::app',
  '\u0085::error::x',
  '\u2028::error::x',
  '\u2029::error::x',
  '##[warning]x',
  'thread ##[error]x',
  '###[error]x',
  '::set-output name=deadlock::false',
  '::add-mask::app',
  '::stop-commands::tok',
  'a\n::error::x',
  'a\r\n::error::x',
  'a\x0b::error::x',
  'a\x0c::error::x',
  '\x1b]0;pwned\x07',
  '\x1b[2J\x1b[31mred',
  '\x9b31m',
  '\u202eevil',
  '\u200b::error::x',
  '\ufeff::error::x',
];

describe('neutralise', () => {
  /** The case's name, ASCII only: a raw U+202E in a test title would garble the test report itself. */
  const title = (t: string) => JSON.stringify(t).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  it.each(HOSTILE.map((t) => [title(t), t]))('leaves no command and no raw control character in %s', (_title, text) => {
    const line = neutralise(text);
    expect(runnerCommands(line)).toEqual([]);
    expect(runnerCommands(`prefix: ${line}`)).toEqual([]);
    expect(line).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
  });

  it('shows what was there, as escapes', () => {
    expect(neutralise('\r::error::x')).toBe('\\r::error::x');
    expect(neutralise('::error::x')).toBe('\\x3a:error::x');
    expect(neutralise('  ::error::x')).toBe('  \\x3a:error::x');
    expect(neutralise('##[warning]x')).toBe('##\\x5bwarning]x');
    expect(neutralise('\x1b]0;pwned\x07')).toBe('\\x1b]0;pwned\\x07');
    expect(neutralise('a\u2028b\u202ec\u0085')).toBe('a\\u2028b\\u202ec\\x85');
    expect(neutralise('\u{e0001}')).toBe('\\u{e0001}');
  });

  it('keeps ordinary text, Unicode included, as it was', () => {
    for (const text of ['pod-1/app/42: deadlock between 2 threads ("a", "b")', 'std::string in C++', 'Grüße 日本 ✓', 'a: ::b'])
      expect(neutralise(text)).toBe(text);
  });

  it('holds for any mix of the dangerous pieces', () => {
    const pieces = ['\r', '\n', ':', '::', '#', '##', '[', ']', ' ', '\u00a0', '\u2028', '\x1b', 'error', 'x', '\u0085', '\t'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let n = next() % 12; n >= 0; n--) text += pieces[next() % pieces.length];
      const line = neutralise(text);
      expect([text, runnerCommands(line)]).toEqual([text, []]);
      expect([text, runnerCommands(`${line}\n${line}`)]).toEqual([text, []]);
    }
  });
});

describe('inertJson', () => {
  it('is the same data once parsed, with no command and no raw control character', () => {
    const value = { threads: [...HOSTILE, '\u{e0001}tag', 'a\\##[b'], pid: 7, nested: { '##[warning]key': '::error::x' } };
    const text = inertJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(runnerCommands(text)).toEqual([]);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\p{Cf}\u007f-\u009f\u2028\u2029]/u);
    expect(inertJson('::error::x', 0)).toBe('"::error::x"');
  });
});

describe('escapeControls', () => {
  it('keeps the characters asked for', () => {
    expect(escapeControls('a\tb\nc\rd', '\t\n')).toBe('a\tb\nc\\rd');
  });
});

describe('runnerCommands (the test oracle)', () => {
  it('finds commands as the runner does', () => {
    const out = [
      '::add-mask::s',
      'x\r::error::a',
      '  ::warning::b',
      'text ##[notice]c',
      '::stop-commands::T',
      '::error::hidden',
      '::T::',
      '::debug::d',
    ];
    expect(runnerCommands(out.join('\n')).map((c) => `${c.name}:${c.data}`)).toEqual([
      'add-mask:s',
      'error:a',
      'warning:b',
      'notice:c',
      'stop-commands:T',
      'T:',
      'debug:d',
    ]);
  });
});
