import type { z } from "zod";
import type { createCaller } from "../root.ts";

/** The in-process tRPC caller a REST operation runs its procedure through (auth, limits, idempotency, errors). */
export type RestCaller = ReturnType<typeof createCaller>;

type AnyObject = z.ZodType<Record<string, unknown>>;

type RunArgs<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> = {
  caller: RestCaller;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
};

type OperationBase<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> = {
  method: "get" | "post" | "patch" | "delete";
  /** OpenAPI form under /api/v1, with its trailing slash: `/tasks/{id}/`. */
  path: string;
  /** Stable and unique: generated clients name their functions after it. */
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** Path parameters, e.g. `z.object({ id: ZRestId })`. */
  params?: P;
  /** Query parameters in snake_case, parsed into what `run` needs. */
  query?: Q;
  /** The JSON body (see `restInputSchema`). */
  body?: B;
  /** A request body the document shows (and the docs page pre-fills). */
  bodyExample?: Record<string, unknown>;
};

/** One resource or one list page: the domain output schema it answers with. */
export type SingleOperation<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> = OperationBase<P, Q, B> & {
  kind: "single";
  status: 200 | 201;
  /** What the procedure returns, converted to the REST shape (see `restOutputSchema`). */
  response: R;
  /** The created resource's address, for a 201's `Location`. */
  location?: (result: z.output<R>) => string;
  run(args: RunArgs<P, Q, B>): Promise<z.output<R>>;
};

/** A list: a JSON array of items, the next page's address in `Link: <...>; rel="next"`. */
export type ListOperation<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
  I extends z.ZodType = z.ZodType,
> = OperationBase<P, Q, B> & {
  kind: "list";
  item: I;
  run(args: RunArgs<P, Q, B>): Promise<{ items: z.output<I>[]; nextCursor: string | null }>;
};

/** Nothing to answer with: 204. */
export type EmptyOperation<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
> = OperationBase<P, Q, B> & {
  kind: "empty";
  run(args: RunArgs<P, Q, B>): Promise<unknown>;
};

export type RestOperation = SingleOperation | ListOperation | EmptyOperation;

// The helpers infer each operation's types from its schemas, so `run` is checked against them.
export function singleOperation<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType>(
  operation: Omit<SingleOperation<P, Q, B, R>, "kind">,
): RestOperation {
  return { kind: "single", ...operation } as unknown as RestOperation;
}

export function listOperation<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, I extends z.ZodType>(
  operation: Omit<ListOperation<P, Q, B, I>, "kind">,
): RestOperation {
  return { kind: "list", ...operation } as unknown as RestOperation;
}

export function emptyOperation<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(
  operation: Omit<EmptyOperation<P, Q, B>, "kind">,
): RestOperation {
  return { kind: "empty", ...operation } as unknown as RestOperation;
}
