// Expected errors: each is one line for the user and an exit code. Anything else that
// reaches src/main.ts is a bug and is reported as such.

export class StudyError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'StudyError';
    this.exitCode = exitCode;
  }
}

/** A bad argument or option: exit code 2. */
export class UsageError extends StudyError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** The user cancelled a prompt (Ctrl-C): exit code 130, nothing written. */
export class CancelledError extends StudyError {
  constructor() {
    super('cancelled', 130);
    this.name = 'CancelledError';
  }
}
