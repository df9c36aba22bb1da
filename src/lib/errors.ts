/** A bad input: names the input and what was expected. Raised before any AWS call. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input '${input}': ${message}`);
    this.name = 'InputError';
  }
}

/** A step failed for a reason the user can act on; the message is the whole story. */
export class StepError extends Error {
  constructor(
    readonly step: string,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'StepError';
  }
}

/** The message of anything thrown, with the AWS error code when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { name?: string; Code?: string }).Code ?? error.name;
    return code && code !== 'Error' && !error.message.startsWith(code) && !(error instanceof InputError) && !(error instanceof StepError)
      ? `${code}: ${error.message}`
      : error.message;
  }
  return String(error);
}
