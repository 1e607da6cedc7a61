/** Exit codes shared by every command, so shell scripts and CI can branch on them. */
export const ExitCode = {
  ok: 0,
  /** Usage errors, unreachable server, unexpected failures. */
  failure: 1,
  /** The server answered but is not ready (e.g. database down, migrations pending). */
  notReady: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
