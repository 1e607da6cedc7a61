import type { BetterAuthPlugin } from "better-auth";
import { validateAuthorizationCode } from "better-auth/oauth2";

/**
 * better-auth's Google provider exchanges codes at a hard-coded
 * https://oauth2.googleapis.com/token and, unlike the other endpoints, offers no option for
 * it. This plugin replaces only that exchange, once the providers are built, with the
 * library's own helper pointed at `tokenEndpoint` (GOOGLE_BASE_URL's when set).
 */
export function googleTokenEndpoint(tokenEndpoint: string): BetterAuthPlugin {
  return {
    id: "agendacraft-google-token-endpoint",
    init: (ctx) => ({
      context: {
        socialProviders: ctx.socialProviders.map((provider) =>
          provider.id === "google"
            ? {
                ...provider,
                validateAuthorizationCode: ({ code, codeVerifier, redirectURI }) =>
                  validateAuthorizationCode({
                    code,
                    codeVerifier,
                    redirectURI,
                    options: provider.options ?? {},
                    tokenEndpoint,
                  }),
              }
            : provider,
        ),
      },
    }),
  };
}
