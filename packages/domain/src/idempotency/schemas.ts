import { z } from "zod";

/** How long a key answers with its first result; afterwards it may be used again. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** 1-255 printable ASCII characters (space included, not only spaces), as an HTTP header carries them. */
export const ZIdempotencyKey = z
  .string()
  .max(MAX_IDEMPOTENCY_KEY_LENGTH)
  .regex(/^[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]*$/);
