import { isDomainError } from "./errors.ts";

/** For tests: the stable code of the DomainError a call fails with (anything else fails the test). */
export async function domainCodeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error.code;
}
