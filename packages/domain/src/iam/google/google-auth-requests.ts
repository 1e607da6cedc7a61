import { APIError } from "better-auth/api";

/** The auth routes that start a Google flow: sign in (or up) with Google, and link Google to an account. */
const GOOGLE_FLOW_PATHS = new Set(["/sign-in/social", "/link-social"]);

export function isGoogleAuthRequest(ctx: { path: string; body?: unknown }): boolean {
  const provider = (ctx.body as { provider?: unknown } | undefined)?.provider;
  return GOOGLE_FLOW_PATHS.has(ctx.path) && provider === "google";
}

/** The same code Google's procedures answer with when the server has no Google client. */
export function googleNotConfiguredForSignIn(): APIError {
  return new APIError("NOT_FOUND", {
    code: "calendars.google_not_configured",
    message: "Signing in with Google is not set up on this server.",
  });
}
