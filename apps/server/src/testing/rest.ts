import { randomUUID } from "node:crypto";
import { APP_ORIGIN, callProcedure, cookieFrom, postJson } from "./http.ts";

export type RestResponse = { status: number; headers: Headers; body: unknown };

/** A call to /api/v1 with a bearer token (or none), its JSON body parsed. */
export async function restCall(
  baseUrl: string,
  method: string,
  path: string,
  { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<RestResponse> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** A new person with a personal API token, as a REST client starts: signed up, token minted in Settings. */
export async function personWithToken(baseUrl: string, name = "Rest Client") {
  const signedUp = await postJson(`${baseUrl}/api/auth/sign-up/email`, {
    name,
    email: `rest-${randomUUID()}@example.com`,
    password: "correct horse battery",
  });
  const cookie = cookieFrom(signedUp.headers);
  const created = await callProcedure(baseUrl, "iam.tokens.create", {
    method: "POST",
    input: { name: "REST client" },
    headers: { cookie, origin: APP_ORIGIN },
  });
  return {
    userId: (signedUp.body.user as { id: string }).id,
    token: String(created.data?.secret),
    cookie,
  };
}
