import { inject } from "vitest";

/** The origin the test server trusts (its default PUBLIC_URL); browsers send it on every POST. */
export const APP_ORIGIN = "http://localhost:3000";

export type SignedUp = { url: string; cookie: string; email: string; password: string; name: string };

let counter = 0;

/** The test server's URL (see global-setup.ts). */
export function apiUrl(): string {
  return inject("apiUrl");
}

/** Signs a new person up over HTTP and returns the session cookie a browser would keep. */
export async function signUp(
  overrides: { name?: string; email?: string; password?: string; timeZone?: string; url?: string } = {},
): Promise<SignedUp> {
  counter += 1;
  // A test that starts a server of its own (say, one set up for Google) signs up there.
  const url = overrides.url ?? apiUrl();
  const person = {
    name: overrides.name ?? "Ada Lovelace",
    email: overrides.email ?? `person-${Date.now()}-${Math.random().toString(36).slice(2, 8)}-${counter}@example.com`,
    password: overrides.password ?? "correct-horse-battery",
    timeZone: overrides.timeZone ?? "Europe/Berlin",
  };
  const response = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: APP_ORIGIN },
    body: JSON.stringify(person),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  return { url, cookie, email: person.email, password: person.password, name: person.name };
}
