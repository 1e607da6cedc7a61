const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a state-changing request comes from a page on another site. Browsers send
 * Origin on every cross-origin request and on same-origin POSTs; Sec-Fetch-Site covers
 * browsers that omit Origin. Requests with neither (scripts, curl) are not browser-
 * initiated and cannot carry a victim's cookie by accident.
 */
export function isCrossSiteRequest({
  method,
  headers,
  trustedOrigins,
}: {
  method: string;
  headers: Headers;
  trustedOrigins: string[];
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin) return origin === "null" || !trustedOrigins.includes(origin);
  return headers.get("sec-fetch-site") === "cross-site";
}
