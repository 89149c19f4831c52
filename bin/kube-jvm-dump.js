#!/usr/bin/env node
// The local CLI: same engine as the action, from the same bundle.
process.env.KUBE_JVM_DUMP_CLI = '1';
await import('../dist/index.js');
