import { findInvalidText } from "@agendacraft/domain/shared";

/**
 * Where a request to /api/auth carries text the database cannot take (NUL, a lone
 * surrogate): "email", "password", "query.token", "path"... or null when it is clean. The
 * auth library hands such text to PostgreSQL as is (error 22021), so it is refused first.
 * The field is the body's top-level key, as the sign-up form names its fields.
 */
export function findInvalidAuthInput(request: { url: string; body: unknown; query: unknown }): string | null {
  const path = request.url.split("?")[0] ?? "";
  if (findInvalidText(safeDecode(path)) !== null) return "path";
  const inQuery = findInvalidText(request.query);
  if (inQuery !== null) return `query.${inQuery.split(".")[0]}`;
  const inBody = findInvalidText(request.body);
  return inBody === null ? null : (inBody.split(".")[0] ?? "body");
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // Malformed escapes are the router's business; they cannot hide a NUL from it.
    return path;
  }
}
