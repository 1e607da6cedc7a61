import type { PrismaClient } from "@agendacraft/db/client";
import type { ReadinessProbe } from "@agendacraft/domain/meta";
import type { Clock } from "@agendacraft/domain/shared";

/** The subset of pino the API uses, so tests can pass a recording logger. */
export type Log = {
  error(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  info(object: object, message?: string): void;
};

/** Who is calling; resolved from the cookie or bearer token once iam exists. */
export type Session = { userId: string; sessionId: string };

/** What lives as long as the server: built once at start, shared by every request. */
export type ServerDeps = {
  db: PrismaClient;
  log: Log;
  clock: Clock;
  app: { version: string; startedAt: Date };
  /** Extra readiness checks beyond the database (e.g. the job queue). */
  readinessProbes?: ReadinessProbe[];
};

export type Context = ServerDeps & {
  session: Session | null;
  requestId: string;
};

/** Builds a context without HTTP: for tests (`createCaller`) and scripts. */
export function createContextInner({
  deps,
  session = null,
  requestId = "internal",
}: {
  deps: ServerDeps;
  session?: Session | null;
  requestId?: string;
}): Context {
  return { ...deps, session, requestId };
}

/** The minimum of an HTTP request the context reads, so any adapter can supply it. */
export type ContextRequest = { id: string; headers: Record<string, string | string[] | undefined>; log?: Log };

/** Returns the per-request context factory the HTTP adapter calls. */
export function createContextFactory(deps: ServerDeps) {
  return async function createContext({ req }: { req: ContextRequest }): Promise<Context> {
    // Sessions arrive with iam (cookie or bearer token); until then every caller is anonymous.
    const requestDeps = req.log ? { ...deps, log: req.log } : deps;
    return createContextInner({ deps: requestDeps, session: null, requestId: req.id });
  };
}
