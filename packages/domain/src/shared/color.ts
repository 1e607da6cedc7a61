import { z } from "zod";

/** "#RRGGBB", stored upper-case. */
export const ZColor = z
  .string()
  .trim()
  .refine((value) => /^#[0-9a-fA-F]{6}$/.test(value), {
    message: "Use a color like #2563EB",
    params: { code: "common.invalid_color" },
  })
  .transform((value) => value.toUpperCase());
