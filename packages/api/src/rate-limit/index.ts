export {
  type ApiRateLimiter,
  type ApiRateLimits,
  createApiRateLimiter,
} from "./create-api-rate-limiter.ts";
export { type RateLimitState, rateLimitHeaders } from "./rate-limit-headers.ts";
