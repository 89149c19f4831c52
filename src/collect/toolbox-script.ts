// toolbox.sh, read once: the bundle carries it as one asset, whatever module needs it (the toolbox, the JFR execs).
import { readFileSync } from 'node:fs';

export const TOOLBOX_SCRIPT = readFileSync(new URL('./toolbox.sh', import.meta.url), 'utf8');
