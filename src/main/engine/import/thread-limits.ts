/**
 * Heap limits of the import's two threads (reading and writing), measured on 1M-message imports.
 * A 16 MB young generation lets most of a batch's short-lived objects die young (at 8 MB, garbage
 * collection took a third of the reading thread's time). The old generation's cap lies far above
 * what either thread holds (a batch or two, and at most one record of MAX_RECORD_BYTES); it is set
 * because V8 sizes an isolate's first old-generation growth from it: with the default cap, each
 * thread let some 70 MB of garbage pile up before its first full collection.
 */
export const IMPORT_THREAD_LIMITS = {
  maxYoungGenerationSizeMb: 16,
  maxOldGenerationSizeMb: 1024,
} as const;
