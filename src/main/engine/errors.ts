/**
 * Errors the engine reports to people. Each carries a stable code, a sentence that says what
 * happened and what to do, and where known the file it concerns.
 */
export class VaultError extends Error {
  readonly code: string;
  readonly file: string | undefined;

  constructor(
    code: string,
    message: string,
    options?: Readonly<{ file?: string; cause?: unknown }>,
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VaultError';
    this.code = code;
    this.file = options?.file;
  }
}

export function describeError(
  error: unknown,
): Readonly<{ code: string; message: string; file?: string }> {
  if (error instanceof VaultError) {
    return error.file === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, file: error.file };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Something went wrong inside Chat Vault: ${message}` };
}
