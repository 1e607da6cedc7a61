/** The subset of pino the API uses, so tests can pass a recording logger. */
export type Log = {
  error(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  info(object: object, message?: string): void;
};
