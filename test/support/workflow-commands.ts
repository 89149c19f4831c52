// The workflow commands the GitHub runner would act on in a step's output, found as the runner finds them
// (actions/runner ActionCommandManager + ActionCommand): lines split on CR, LF or CRLF; V2 `::name ...::data`
// at the start of a line after .NET TrimStart; V1 `##[name ...]data` anywhere in a line; `::stop-commands::T`
// stops all processing until a `::T::` (or `##[T]`) line.

export interface RunnerCommand {
  name: string;
  data: string;
  line: string;
}

const REGISTERED = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
];

/** .NET char.IsWhiteSpace, which String.TrimStart() removes. */
const DOTNET_LEADING_WHITESPACE = /^[\u0009-\u000d\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** The runner's data unescaping (V2). */
const unescape = (data: string) => data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

function parse(line: string, registered: Set<string>): RunnerCommand | undefined {
  const v2 = line.replace(DOTNET_LEADING_WHITESPACE, '');
  if (v2.startsWith('::')) {
    const end = v2.indexOf('::', 2);
    if (end >= 0) {
      const info = v2.slice(2, end);
      const name = info.split(' ')[0];
      if (registered.has(name)) return { name, data: unescape(v2.slice(end + 2)), line };
    }
  }
  const prefix = line.indexOf('##[');
  if (prefix >= 0) {
    const rb = line.indexOf(']', prefix);
    if (rb >= 0) {
      const name = line.slice(prefix + 3, rb).split(' ')[0];
      if (registered.has(name)) return { name, data: line.slice(rb + 1), line };
    }
  }
  return undefined;
}

/** Every command the runner would process in `output`, in order (stop-commands and its resume included). */
export function runnerCommands(output: string): RunnerCommand[] {
  const registered = new Set(REGISTERED);
  const out: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of output.split(/\r\n|\n|\r/)) {
    const cmd = parse(line, registered);
    if (!cmd) continue;
    if (stopToken !== undefined) {
      if (cmd.name === stopToken) {
        out.push(cmd);
        registered.delete(stopToken);
        stopToken = undefined;
      }
      continue;
    }
    out.push(cmd);
    if (cmd.name === 'stop-commands' && cmd.data) {
      stopToken = cmd.data;
      registered.add(stopToken);
    }
  }
  return out;
}
