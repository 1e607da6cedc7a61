import { TRPCError } from "@trpc/server";

/** Awaits a call that must fail and returns its TRPCError (anything else fails the test). */
export async function trpcFailure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}
