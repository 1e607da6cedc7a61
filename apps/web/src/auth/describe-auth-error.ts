import type { DescribedError } from "../errors/describe-error.ts";
import { NETWORK_MESSAGE } from "../errors/describe-error.ts";
import type { AuthFailure } from "./auth-client.ts";

/** better-auth's error codes that we show with our own words. */
const AUTH_MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "That email and password do not match an account.",
  USER_ALREADY_EXISTS: "An account with this email already exists. Sign in instead.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "An account with this email already exists. Sign in instead.",
  "iam.cross_site_request": "This page is not allowed to sign in here. Open AgendaCraft from its own address.",
};

/** Same contract as describeError, for the /api/auth routes. */
export function describeAuthError(failure: AuthFailure | null | undefined): DescribedError {
  if (!failure || failure.status === 0 || failure.status === undefined) {
    return { kind: "network", message: NETWORK_MESSAGE, code: null, fieldErrors: {} };
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(failure.fieldErrors ?? {})) {
    if (messages && messages.length > 0) fieldErrors[field] = messages;
  }
  if (Object.keys(fieldErrors).length > 0) {
    return { kind: "validation", message: "Check the highlighted fields.", code: failure.code ?? null, fieldErrors };
  }
  const known = failure.code ? AUTH_MESSAGES[failure.code] : undefined;
  const message =
    known ??
    (failure.status >= 500 ? "Something went wrong on our side. Try again in a moment." : failure.message) ??
    "That did not work. Try again.";
  return { kind: "domain", message, code: failure.code ?? null, fieldErrors };
}
