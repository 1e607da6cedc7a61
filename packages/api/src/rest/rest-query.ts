import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ZText } from "@agendacraft/domain/shared";
import { z } from "zod";
import { ZRestInstant } from "./rest-schema.ts";

/**
 * Query parameters arrive as text: these read them into the types the procedures take,
 * with messages that name what a valid value looks like.
 */

/** A resource id in a path: `/tasks/{id}/`. */
export const ZRestId = z.uuid("Give the id as a UUID").meta({ description: "The resource's id (a UUID)." });
export const ZIdParams = z.object({ id: ZRestId });

/** `true` or `false`. */
export const queryBoolean = (description: string) =>
  z
    .enum(["true", "false"], "Use true or false")
    .transform((text) => text === "true")
    .meta({ description });

/** An instant in RFC 3339 with an offset. */
export const queryInstant = (description: string) =>
  ZRestInstant.transform((text) => new Date(text)).meta({ description });

/** `limit` and `cursor`, as on every list: the next page's address is in the `Link` header. */
export const ZPageQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `Use a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_PAGE_SIZE))
    .optional()
    .meta({ description: `Items per page, 1-${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` }),
  cursor: ZText.min(1)
    .max(500)
    .optional()
    .meta({ description: 'Where the page starts: copy it from the previous page\'s `Link: <...>; rel="next"`.' }),
});
