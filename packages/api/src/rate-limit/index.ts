export {
  type ApiRateLimiter,
  type ApiRateLimits,
  createApiRateLimiter,
  DEFAULT_API_RATE_LIMITS,
} from "./create-api-rate-limiter.ts";
export { type RateLimitState, rateLimitHeaders } from "./rate-limit-headers.ts";
