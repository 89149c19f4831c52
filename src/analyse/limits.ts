// Caps that keep analysis.json and the job summary readable for a JVM with thousands of threads.

/** Thread names listed per finding; the full count is kept beside the list. */
export const MAX_NAMES = 50;
/** Entries in the busy-thread and CPU-delta lists. */
export const MAX_LIST = 20;
/** Frames shown per thread: enough to see where it is without the whole stack. */
export const TOP_FRAMES = 5;
