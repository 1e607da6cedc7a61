import { z } from "zod";

export const INVALID_CHARACTERS_CODE = "common.invalid_characters";
export const INVALID_CHARACTERS_MESSAGE =
  "Remove the invalid character from this text (a NUL character or half of an emoji)";

// NUL (U+0000): PostgreSQL text cannot hold it (error 22021), so it used to become a 500.
// \p{Cs} with the u flag matches only UTF-16 surrogates that are not part of a pair: they
// are not characters at all, and the database would silently store U+FFFD instead.
const INVALID_CHARACTER = /[\0\p{Cs}]/u;

export function hasInvalidCharacters(value: string): boolean {
  return INVALID_CHARACTER.test(value);
}

/**
 * The base of every text input (names, summaries, search text, emails, passwords, ids
 * in cursors): any string without NUL or lone surrogates, refused as a field error with
 * `common.invalid_characters`. It aborts, so the text's other rules (length, format)
 * do not add confusing messages about the same field. Chain the field's own rules:
 * `ZText.trim().min(1).max(100)`, or `ZText.pipe(z.email())` for formats.
 */
export const ZText = z.string().refine((value) => !hasInvalidCharacters(value), {
  message: INVALID_CHARACTERS_MESSAGE,
  params: { code: INVALID_CHARACTERS_CODE },
  abort: true,
});

type Visit = { value: unknown; key: string | null; parent: Visit | null };

function pathOf(visit: Visit, last?: string): string {
  const keys = last === undefined ? [] : [last];
  for (let at: Visit | null = visit; at !== null; at = at.parent) if (at.key !== null) keys.push(at.key);
  return keys.reverse().join(".");
}

/**
 * The path ("email", "user.name", "tags.2") of a string in a JSON value that has an
 * invalid character, in a value or a key; null when there is none. For request bodies
 * that are not parsed with a schema of ours (the auth library's routes). Walks with a
 * stack of its own and links to parents (the path is only built once something is
 * found), so a deeply nested body costs linear time and cannot overflow the call stack.
 */
export function findInvalidText(value: unknown): string | null {
  const pending: Visit[] = [{ value, key: null, parent: null }];
  for (let visit = pending.pop(); visit !== undefined; visit = pending.pop()) {
    const current = visit.value;
    if (typeof current === "string") {
      if (hasInvalidCharacters(current)) return pathOf(visit) || "body";
    } else if (current !== null && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) {
        if (hasInvalidCharacters(key)) return pathOf(visit, "(key)");
        pending.push({ value: item, key, parent: visit });
      }
    }
  }
  return null;
}
