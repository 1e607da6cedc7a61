/** Small helpers for talking to a test server the way a browser or script would. */

export const APP_ORIGIN = "http://localhost:3000";

export type JsonResponse = { status: number; headers: Headers; body: Record<string, unknown> };

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** The `Cookie` header a browser would send back after this response. */
export function cookieFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** Calls one tRPC procedure over HTTP (superjson envelope) and returns status and body. */
export async function callProcedure(
  baseUrl: string,
  path: string,
  {
    input,
    headers = {},
    method = "GET",
  }: { input?: unknown; headers?: Record<string, string>; method?: "GET" | "POST" },
) {
  const encoded = input === undefined ? undefined : JSON.stringify({ json: input });
  const url =
    method === "GET" && encoded
      ? `${baseUrl}/trpc/${path}?input=${encodeURIComponent(encoded)}`
      : `${baseUrl}/trpc/${path}`;
  const response = await fetch(url, {
    method,
    headers: { ...(method === "POST" ? { "content-type": "application/json" } : {}), ...headers },
    ...(method === "POST" ? { body: encoded ?? "{}" } : {}),
  });
  const body = (await response.json()) as {
    result?: { data: { json: Record<string, unknown> } };
    error?: { json: { message: string; data: Record<string, unknown> } };
  };
  return { status: response.status, data: body.result?.data.json, error: body.error?.json };
}

export type BatchResult = {
  result?: { data: { json: unknown } };
  error?: { json: { message: string; data: Record<string, unknown> } };
};

/** Calls several tRPC procedures in one HTTP request, as the client's batching does. */
export async function callBatch(
  baseUrl: string,
  calls: { path: string; input?: unknown }[],
  { headers = {}, method = "GET" }: { headers?: Record<string, string>; method?: "GET" | "POST" } = {},
) {
  const inputs: Record<string, { json: unknown }> = {};
  calls.forEach((call, index) => {
    if (call.input !== undefined) inputs[index] = { json: call.input };
  });
  const encoded = JSON.stringify(inputs);
  const url = `${baseUrl}/trpc/${calls.map((call) => call.path).join(",")}?batch=1`;
  const response = await fetch(method === "GET" ? `${url}&input=${encodeURIComponent(encoded)}` : url, {
    method,
    headers: { ...(method === "POST" ? { "content-type": "application/json" } : {}), ...headers },
    ...(method === "POST" ? { body: encoded } : {}),
  });
  const body = (await response.json()) as BatchResult[] | BatchResult;
  return { status: response.status, headers: response.headers, results: Array.isArray(body) ? body : [body] };
}
