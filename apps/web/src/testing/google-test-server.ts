import { inject } from "vitest";

/**
 * The web tests' second server, set up for Google with GOOGLE_BASE_URL at a port where a test
 * starts the in-repo fake Google itself (startFakeGoogle({ port: fakeGooglePort() })), so the
 * test holds the fake's handles (add events, revoke a grant). The first server has no Google
 * client, as a server without GOOGLE_* has.
 */
export const FAKE_GOOGLE_CLIENT = {
  clientId: "web-tests.apps.googleusercontent.com",
  clientSecret: "web-tests-google-secret",
} as const;

export function googleServerEnv(fakeGooglePort: number): Record<string, string> {
  return {
    GOOGLE_CLIENT_ID: FAKE_GOOGLE_CLIENT.clientId,
    GOOGLE_CLIENT_SECRET: FAKE_GOOGLE_CLIENT.clientSecret,
    GOOGLE_BASE_URL: `http://127.0.0.1:${fakeGooglePort}`,
  };
}

/** The base URL of the server set up for Google. */
export function googleApiUrl(): string {
  return inject("googleApiUrl");
}

/** Where this run's fake Google must listen. */
export function fakeGooglePort(): number {
  return inject("fakeGooglePort");
}
