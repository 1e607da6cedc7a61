/**
 * The Google client of the web tests' second server (global-setup.ts). Nothing listens at its
 * base URL: no component test leaves the app for Google.
 */
export const GOOGLE_TEST_CONFIG = {
  GOOGLE_CLIENT_ID: "web-test-client",
  GOOGLE_CLIENT_SECRET: "web-test-secret",
  GOOGLE_BASE_URL: "http://127.0.0.1:4999",
} as const;
