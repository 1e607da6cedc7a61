/**
 * Ends a better-auth session. better-auth refuses cookie-carrying POSTs without a
 * trusted Origin (CSRF protection), and the server trusts its own PUBLIC_URL, so the
 * request names the server itself as its origin, as sign-in did.
 */
export async function signOutSession({
  baseUrl,
  cookie,
  fetch: fetchImpl = fetch,
}: {
  baseUrl: string;
  cookie: string;
  fetch?: typeof fetch;
}): Promise<{ ok: true } | { ok: false; reason: string }> {
  const response = await fetchImpl(`${baseUrl}/api/auth/sign-out`, {
    method: "POST",
    headers: { cookie, origin: new URL(baseUrl).origin },
  });
  if (response.ok) return { ok: true };
  const text = await response.text();
  let message = "";
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === "string") message = parsed.message;
  } catch {
    // Not JSON (e.g. a proxy's error page): the status alone has to do.
  }
  return { ok: false, reason: `HTTP ${response.status}${message ? `: ${message}` : ""}` };
}
