// ncc emits ESM for this dependency set; the runner needs dist/package.json to load it as a module.
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('../dist/package.json', import.meta.url), JSON.stringify({ type: 'module' }, null, 2) + '\n');
