import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import superjson from "superjson";
import { expect, inject } from "vitest";

/**
 * Each browser test starts from a person of its own, made through the same HTTP API the app
 * uses (the cookie lands in the page's browser context), so no test depends on what an
 * earlier one left behind and each can run alone.
 */
export async function signUpThroughApi(
  page: Page,
  { name, timeZone }: { name: string; timeZone: string },
  appUrl = inject("appUrl"),
) {
  const response = await page.request.post(`${appUrl}/api/auth/sign-up/email`, {
    headers: { origin: new URL(appUrl).origin },
    data: {
      name,
      email: `${name.toLowerCase().replaceAll(" ", "-")}-${randomUUID()}@example.com`,
      password: PASSWORD,
      timeZone,
    },
  });
  expect(response.status()).toBe(200);
}

export const PASSWORD = "correct-horse-battery";

/**
 * A tRPC mutation as the signed-in person, through the app's own origin: the shared server's,
 * or `appUrl` for a file that starts its own.
 */
export async function mutate<T>(page: Page, path: string, input: unknown, appUrl = inject("appUrl")): Promise<T> {
  const response = await page.request.post(`${appUrl}/trpc/${path}`, {
    headers: { "content-type": "application/json", origin: new URL(appUrl).origin },
    data: JSON.stringify(superjson.serialize(input)),
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  const body = (await response.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
  return superjson.deserialize<T>(body.result.data);
}

/** A tRPC query as the signed-in person (on `appUrl`, as for `mutate`). */
export async function query<T>(page: Page, path: string, input: unknown, appUrl = inject("appUrl")): Promise<T> {
  const encoded = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
  const response = await page.request.get(`${appUrl}/trpc/${path}?input=${encoded}`);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  const body = (await response.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
  return superjson.deserialize<T>(body.result.data);
}
