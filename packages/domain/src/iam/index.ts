export type { AuthSession } from "./auth-session.ts";
export { changePassword } from "./change-password.ts";
export { type Auth, CLIENT_IP_HEADER, type CreateAuthOptions, createAuth } from "./create-auth.ts";
export {
  type AuthRateLimiter,
  type AuthRateLimits,
  createAuthRateLimiter,
  DEFAULT_AUTH_RATE_LIMITS,
} from "./create-auth-rate-limiter.ts";
export { deleteAccount } from "./delete-account.ts";
export { getAuthSecret } from "./get-auth-secret.ts";
export { getMe } from "./get-me.ts";
export { getUserTimeZone } from "./get-user-time-zone.ts";
export { handleAuthRequest } from "./handle-auth-request.ts";
export { listAuthProviders } from "./list-auth-providers.ts";
export { RECENT_SIGN_IN_MINUTES } from "./require-recent-sign-in.ts";
export { type ResolvedSession, resolveSession } from "./resolve-session.ts";
export {
  type AuthProvidersDto,
  isValidTimeZone,
  ZApiToken,
  ZApiTokenPage,
  ZAuthProviders,
  ZChangePasswordInput,
  ZCreateApiTokenInput,
  ZCreatedApiToken,
  ZDeleteAccountInput,
  ZListApiTokensInput,
  ZRevokeApiTokenInput,
  ZSetPasswordInput,
  ZSignUpInput,
  ZTimeZone,
  ZUpdateProfileInput,
  ZUser,
} from "./schemas.ts";
export { setPassword } from "./set-password.ts";
export { signOutEverywhere } from "./sign-out-everywhere.ts";
export { authenticateApiToken } from "./tokens/authenticate-api-token.ts";
export { createApiToken } from "./tokens/create-api-token.ts";
export { listApiTokens } from "./tokens/list-api-tokens.ts";
export { revokeApiToken } from "./tokens/revoke-api-token.ts";
export { updateProfile } from "./update-profile.ts";
