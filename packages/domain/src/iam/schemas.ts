import { z } from "zod";
import { ZText } from "../shared/text.ts";
import { ZTimeZone } from "../shared/time-zone.ts";

// Shared with the scheduler (planners), so it lives in shared/; re-exported as iam's.
export { isValidTimeZone, ZTimeZone } from "../shared/time-zone.ts";

export const ZEmail = ZText.pipe(z.email("Enter a valid email address").trim().toLowerCase().max(254));
export const ZPassword = ZText.min(10, "Use at least 10 characters").max(128, "Use at most 128 characters");
export const ZName = ZText.trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

/** What /api/auth/sign-up/email accepts (checked before the auth library sees it). */
export const ZSignUpInput = z.object({
  name: ZName,
  email: ZEmail,
  password: ZPassword,
  timeZone: ZTimeZone.optional(),
});

/**
 * What a sign-in form can check before asking: an email-shaped address and some password.
 * Whether they match is the server's to say, for both at once (no hint which part was wrong).
 */
export const ZSignInInput = z.object({ email: ZEmail, password: ZText.min(1, "Enter your password") });

/** Which ways of signing in this server offers besides email and password (`iam.authProviders`). */
export const ZAuthProviders = z.object({ google: z.boolean() });
export type AuthProvidersDto = z.infer<typeof ZAuthProviders>;

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  timeZone: z.string(),
  createdAt: z.date(),
  /** False for an account made with Google: Settings offers "Set a password" instead of changing one. */
  hasPassword: z.boolean(),
});
export type UserDto = z.infer<typeof ZUser>;

export const ZUpdateProfileInput = z
  .object({ name: ZName.optional(), timeZone: ZTimeZone.optional() })
  .refine((input) => input.name !== undefined || input.timeZone !== undefined, "Change the name or the time zone");
export type UpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;

export const ZChangePasswordInput = z.object({
  current: ZText.min(1, "Enter your current password"),
  next: ZPassword,
});
export type ChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

/** A first password for an account without one (made with Google). */
export const ZSetPasswordInput = z.object({ password: ZPassword });
export type SetPasswordInput = z.infer<typeof ZSetPasswordInput>;

/**
 * Confirmed with the password, or, for an account without one, by typing its email (and a
 * recent sign-in, see require-recent-sign-in.ts).
 */
export const ZDeleteAccountInput = z
  .object({
    password: ZText.min(1, "Enter your password").optional(),
    confirmEmail: ZText.trim().min(1, "Type your account's email").optional(),
  })
  // Neither given: the password is what most accounts confirm with, so that is what is asked for.
  .refine((input) => input.password !== undefined || input.confirmEmail !== undefined, {
    message: "Enter your password",
    path: ["password"],
  });
export type DeleteAccountInput = z.infer<typeof ZDeleteAccountInput>;

export const ZCreateApiTokenInput = z.object({
  name: ZText.trim().min(1, "Name the token, e.g. the script that uses it").max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenInput = z.infer<typeof ZCreateApiTokenInput>;

export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The first characters of the secret, to tell tokens apart. */
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
});
export type ApiTokenDto = z.infer<typeof ZApiToken>;

export const ZCreatedApiToken = z.object({
  token: ZApiToken,
  /** Shown once; only its hash is stored. */
  secret: z.string(),
});

export const ZRevokeApiTokenInput = z.object({ id: z.uuid("Unknown token") });

export const ZListApiTokensInput = z
  .object({
    cursor: z.uuid().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });

export const ZApiTokenPage = z.object({ items: z.array(ZApiToken), nextCursor: z.uuid().nullable() });
