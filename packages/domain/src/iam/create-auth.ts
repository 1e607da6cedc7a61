import type { PrismaClient } from "@agendacraft/db/client";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { z } from "zod";
import { googleEndpoints } from "../shared/google/google-endpoints.ts";
import { newId } from "../shared/ids.ts";
import { googleNotConfiguredForSignIn, isGoogleAuthRequest } from "./google/google-auth-requests.ts";
import type { GoogleSignInConfig } from "./google/google-sign-in-config.ts";
import { googleSignInProvider } from "./google/google-sign-in-provider.ts";
import { googleTokenEndpoint } from "./google/google-token-endpoint.ts";
import { timeZoneFromOAuthState } from "./google/time-zone-from-oauth-state.ts";
import { recordAuthFailure } from "./record-auth-failure.ts";
import { ZSignUpInput } from "./schemas.ts";

/** Fastify puts the client address it trusts here; any copy sent by the client is overwritten. */
export const CLIENT_IP_HEADER = "x-agendacraft-client-ip";

export type CreateAuthOptions = {
  prisma: PrismaClient;
  /** Signs cookies; the same on every server process. */
  secret: string;
  /** Where browsers reach this server, e.g. `https://agendacraft.example.com`. */
  baseURL: string;
  /** Origins allowed to send cookie-authenticated requests (the app's own plus CORS origins). */
  trustedOrigins: string[];
  /** The server's Google OAuth client; absent or null: no "Continue with Google". */
  google?: GoogleSignInConfig | null;
};

const SEVEN_DAYS_SECONDS = 7 * 24 * 60 * 60;
const ONE_DAY_SECONDS = 24 * 60 * 60;

/**
 * better-auth: email and password accounts, sessions stored in PostgreSQL, scrypt
 * password hashes, and its HTTP routes under /api/auth. Rate limiting is done by
 * checkAuthRateLimit instead (per IP and per email, in the database), so the
 * library's own per-IP limiter is off. With a Google config, "Continue with Google"
 * (`/sign-in/social`, `/callback/google`) signs people in and up too.
 */
export function createAuth({ prisma, secret, baseURL, trustedOrigins, google = null }: CreateAuthOptions) {
  return betterAuth({
    appName: "AgendaCraft",
    secret,
    baseURL,
    basePath: "/api/auth",
    trustedOrigins,
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128, autoSignIn: true },
    socialProviders: google ? { google: googleSignInProvider(google) } : {},
    account: {
      // No silent merge: Google for an email that already has an account is refused
      // (`account_not_linked`); the person signs in as before and links Google from Settings.
      accountLinking: { enabled: true, disableImplicitLinking: true },
    },
    session: { expiresIn: SEVEN_DAYS_SECONDS, updateAge: ONE_DAY_SECONDS },
    user: {
      additionalFields: {
        timeZone: { type: "string", required: false, defaultValue: "UTC", input: true },
      },
    },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { disabled: true },
    // Unexpected errors (a database failure) are thrown out of `auth.handler` instead of
    // becoming an empty 500 printed to stderr, so the server logs them with the request
    // id and answers with its own generic error. Errors the library means to send
    // (wrong password, taken email) still come back as responses.
    onAPIError: { throw: true },
    advanced: {
      database: { generateId: () => newId() },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    plugins: [googleTokenEndpoint(googleEndpoints(google?.baseUrl).token)],
    databaseHooks: {
      user: {
        create: {
          // Someone who signs up with Google gets the browser's time zone the sign-in page sent.
          before: async (user) => ({ data: { ...user, timeZone: (await timeZoneFromOAuthState()) ?? user.timeZone } }),
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (!google && isGoogleAuthRequest(ctx)) throw googleNotConfiguredForSignIn();
        if (ctx.path !== "/sign-up/email") return;
        // Our rules and messages, with field errors, before the library creates anything.
        const parsed = ZSignUpInput.safeParse(ctx.body);
        if (!parsed.success) {
          const { fieldErrors } = z.flattenError(parsed.error);
          throw new APIError("BAD_REQUEST", {
            code: "iam.invalid_sign_up",
            message: parsed.error.issues[0]?.message ?? "Check the highlighted fields",
            fieldErrors,
          });
        }
        return { context: { ...ctx, body: { ...ctx.body, ...parsed.data } } };
      }),
      after: createAuthMiddleware(async (ctx) => recordAuthFailure(ctx.context.returned)),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
