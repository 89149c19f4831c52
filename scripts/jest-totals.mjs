// Prints one closing line over jest --json result files: "N passed, N failed".
import { readFileSync } from 'node:fs';
let passed = 0,
  failed = 0,
  files = 0;
for (const file of process.argv.slice(2)) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    files++;
  } catch {
    /* a suite that did not run writes no file */
  }
}
if (files > 0) console.log(`${passed} passed, ${failed} failed`);
