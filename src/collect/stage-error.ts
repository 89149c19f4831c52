import type { DumpKind, Stage } from '../shared/model.js';

/** A failure that names the pipeline stage it happened in (and the dump it cost), for the manifest. */
export class StageError extends Error {
  constructor(
    readonly stage: Stage,
    message: string,
    readonly dump?: DumpKind,
  ) {
    super(message);
  }
}
