/** The part of a logger (pino, or a test's recorder) a service needs to report what it skipped. */
export type WarningLog = { warn(object: object, message?: string): void };
