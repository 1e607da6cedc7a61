export type SignInResult =
  /** `cookie` is ready for a `Cookie` request header. */
  | { kind: "signed-in"; cookie: string }
  | { kind: "invalid-credentials" }
  | { kind: "rate-limited"; retryAfterSeconds: number | null }
  /** `code` is the server's reason (`MISSING_OR_NULL_ORIGIN`, `EMAIL_NOT_VERIFIED`), when it gave one. */
  | { kind: "rejected"; status: number; code: string | null; message: string };

/**
 * Signs in at better-auth's email and password route. Connection failures are thrown
 * (for describeConnectionError); every answer from the server becomes a SignInResult.
 *
 * The request names the server itself as its Origin: Node's fetch sends
 * `Sec-Fetch-Mode: cors`, and better-auth then requires a trusted Origin (CSRF
 * protection), which for this server is its PUBLIC_URL.
 */
export async function signInWithPassword({
  baseUrl,
  email,
  password,
  fetch: fetchImpl = fetch,
}: {
  baseUrl: string;
  email: string;
  password: string;
  fetch?: typeof fetch;
}): Promise<SignInResult> {
  const response = await fetchImpl(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(baseUrl).origin },
    body: JSON.stringify({ email, password }),
  });
  return readSignInResponse(response);
}

export async function readSignInResponse(response: Response): Promise<SignInResult> {
  const body = await readJsonObject(response);
  if (response.ok) {
    // Only name=value travels back in a Cookie header; attributes (Path, HttpOnly, ...) are for browsers.
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(";")[0]?.trim() ?? "")
      .filter(Boolean)
      .join("; ");
    return cookie
      ? { kind: "signed-in", cookie }
      : { kind: "rejected", status: response.status, code: null, message: "the server sent no session cookie" };
  }
  if (response.status === 401 && body.code === "INVALID_EMAIL_OR_PASSWORD") return { kind: "invalid-credentials" };
  if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after"));
    return { kind: "rate-limited", retryAfterSeconds: Number.isInteger(seconds) && seconds > 0 ? seconds : null };
  }
  const message = typeof body.message === "string" && body.message ? body.message : response.statusText;
  const code = typeof body.code === "string" ? body.code : null;
  return { kind: "rejected", status: response.status, code, message: message || "no reason given" };
}

/** Error bodies are JSON from better-auth, but a proxy in front may answer with HTML. */
async function readJsonObject(response: Response): Promise<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(await response.text());
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
