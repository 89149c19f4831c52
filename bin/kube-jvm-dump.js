#!/usr/bin/env node
// The local CLI: same engine as the action, from the same bundle.
import { enableCompileCache } from 'node:module';

process.env.KUBE_JVM_DUMP_CLI = '1';
// A rerun skips compiling the 5 MB bundle: Node keeps its code cache on disk (NODE_COMPILE_CACHE, else the OS temp folder).
enableCompileCache();
await import('../dist/index.js');
