import { ZText } from "./text.ts";

/** "#RRGGBB", stored upper-case. */
export const ZColor = ZText.trim()
  .refine((value) => /^#[0-9a-fA-F]{6}$/.test(value), {
    message: "Use a color like #2563EB",
    params: { code: "common.invalid_color" },
  })
  .transform((value) => value.toUpperCase());
