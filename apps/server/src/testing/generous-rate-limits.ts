/**
 * Test servers take thousands of calls from one address and one person (the web's
 * component tests, fuzzing), so their rate limits default to out of reach. Tests of the
 * limits themselves pass low values, which win over these.
 */
export const GENEROUS_RATE_LIMITS: Record<string, string> = {
  API_RATE_LIMIT_PER_MINUTE: "1000000",
  API_RATE_LIMIT_ANONYMOUS_PER_MINUTE: "1000000",
  API_RATE_LIMIT_SENSITIVE_PER_HOUR: "1000000",
  AUTH_RATE_LIMIT_PER_IP: "1000000",
  AUTH_RATE_LIMIT_PER_EMAIL_AND_IP: "1000000",
  AUTH_RATE_LIMIT_PER_EMAIL: "1000000",
};
