import { AsyncLocalStorage } from "node:async_hooks";

/** Which request, and which procedure of it, the code running now works for. */
export type RequestContext = { requestId: string; path: string };

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` (and everything it awaits) as part of this request's procedure. */
export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/**
 * The procedure being served, for logs written far from the request (e.g. the slow query
 * log, which Prisma calls back). Undefined outside procedures: jobs, startup, session lookup.
 */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
