import { randomUUID } from "node:crypto";
import { createAgendaCraftClient } from "@agendacraft/client";
import { useTestDatabase } from "@agendacraft/db/testing";
import { approveConsent, type FakeGoogle, startFakeGoogle } from "@agendacraft/fake-google";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, callProcedure, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

const CLIENT = { clientId: "agendacraft-test-client", clientSecret: "agendacraft-test-secret" };

/** The cookies a browser keeps across the round trip (the OAuth state, then the session). */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  keep(headers: Headers): void {
    for (const cookie of headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  has(name: string): boolean {
    return Boolean(this.#cookies.get(name));
  }
}

describe("Continue with Google", () => {
  const database = useTestDatabase();
  let fake: FakeGoogle;
  let server: TestServer;

  beforeAll(async () => {
    fake = await startFakeGoogle(CLIENT);
    server = await startTestServer({
      db: database().prisma,
      env: { GOOGLE_CLIENT_ID: CLIENT.clientId, GOOGLE_CLIENT_SECRET: CLIENT.clientSecret, GOOGLE_BASE_URL: fake.url },
    });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  /**
   * What a browser does after "Continue with Google" (or "Link Google"): asks the server for
   * Google's address, answers the consent page as `person`, and follows Google's redirect
   * back to the server's callback. Returns where the server then sends the browser.
   */
  async function continueWithGoogle(
    person: { email: string; name?: string },
    {
      jar = new CookieJar(),
      path = "/api/auth/sign-in/social",
      timeZone,
    }: { jar?: CookieJar; path?: string; timeZone?: string } = {},
  ) {
    const started = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP_ORIGIN, cookie: jar.header() },
      body: JSON.stringify({
        provider: "google",
        callbackURL: "/inbox",
        errorCallbackURL: "/sign-in",
        ...(timeZone ? { additionalData: { timeZone } } : {}),
      }),
    });
    expect(started.status).toBe(200);
    jar.keep(started.headers);
    const { url } = (await started.json()) as { url: string };
    expect(url.startsWith(`${fake.url}/o/oauth2/v2/auth?`)).toBe(true);

    const backFromGoogle = new URL(await approveConsent(url, person));
    // Google sends the browser to the redirect_uri (the server's public origin); this test
    // server listens on another port, so the same path and query go to it.
    expect(backFromGoogle.pathname).toBe("/api/auth/callback/google");
    const callback = await fetch(`${server.url}${backFromGoogle.pathname}${backFromGoogle.search}`, {
      headers: { cookie: jar.header() },
      redirect: "manual",
    });
    jar.keep(callback.headers);
    return { status: callback.status, location: callback.headers.get("location") ?? "", jar };
  }

  const me = (jar: CookieJar) =>
    createAgendaCraftClient({
      url: `${server.url}/trpc`,
      headers: { cookie: jar.header(), origin: APP_ORIGIN },
    }).iam.me.query();
  const newEmail = () => `google-${randomUUID()}@example.com`;

  it("signs a new person up with their Google name and email, lands them in the inbox, and signs them in again as the same person", async () => {
    const email = newEmail();
    fake.clearRequests();

    const first = await continueWithGoogle({ email, name: "Grace Hopper" }, { timeZone: "Asia/Kathmandu" });
    expect(first.status).toBe(302);
    expect(first.location).toBe("/inbox");
    expect(first.jar.has("better-auth.session_token")).toBe(true);
    const person = await me(first.jar);
    expect(person).toMatchObject({ email, name: "Grace Hopper", timeZone: "Asia/Kathmandu" });

    // Every Google endpoint the server called was the fake's (GOOGLE_BASE_URL): the code
    // exchange and the keys that verified the id_token.
    const called = fake.requests.map((request) => `${request.method} ${request.path}`);
    expect(called).toContain("POST /token");
    expect(called).toContain("GET /oauth2/v3/certs");

    const again = await continueWithGoogle({ email, name: "Grace Hopper" });
    expect(again.status).toBe(302);
    expect((await me(again.jar)).id).toBe(person.id);
    expect(await database().prisma.user.count({ where: { email } })).toBe(1);
    const accounts = await database().prisma.account.findMany({ where: { userId: person.id } });
    expect(accounts.map((account) => account.providerId)).toEqual(["google"]);
  });

  it("gives a new person the default time zone when the browser sent none or a made-up one", async () => {
    const email = newEmail();
    const signedUp = await continueWithGoogle({ email }, { timeZone: "Moon/Base" });
    expect(signedUp.location).toBe("/inbox");
    expect(await me(signedUp.jar)).toMatchObject({ email, timeZone: "UTC" });
  });

  it("refuses Google for an email that has a password account, sends the person to sign in, and links nothing", async () => {
    const email = newEmail();
    const signedUp = await postJson(
      `${server.url}/api/auth/sign-up/email`,
      { name: "Pat Password", email, password: "correct horse battery" },
      { origin: APP_ORIGIN },
    );
    expect(signedUp.status).toBe(200);

    const refused = await continueWithGoogle({ email, name: "Pat at Google" });

    expect(refused.status).toBe(302);
    const to = new URL(refused.location, APP_ORIGIN);
    expect(to.pathname).toBe("/sign-in");
    expect(to.searchParams.get("error")).toBe("account_not_linked");
    expect(refused.jar.has("better-auth.session_token")).toBe(false);
    const user = await database().prisma.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
    expect(user.accounts.map((account) => account.providerId)).toEqual(["credential"]);
    expect(user.name).toBe("Pat Password");
  });

  it("links Google from a signed-in password account (Settings), after which Google signs in to that account", async () => {
    const email = newEmail();
    const signedUp = await postJson(
      `${server.url}/api/auth/sign-up/email`,
      { name: "Lee Linker", email, password: "correct horse battery" },
      { origin: APP_ORIGIN },
    );
    const jar = new CookieJar();
    jar.keep(signedUp.headers);
    const owner = await me(jar);

    const linked = await continueWithGoogle({ email }, { jar, path: "/api/auth/link-social" });
    expect(linked.status).toBe(302);
    expect(linked.location).toBe("/inbox");
    const accounts = await database().prisma.account.findMany({ where: { userId: owner.id } });
    expect(accounts.map((account) => account.providerId).sort()).toEqual(["credential", "google"]);

    const viaGoogle = await continueWithGoogle({ email });
    expect(viaGoogle.location).toBe("/inbox");
    expect((await me(viaGoogle.jar)).id).toBe(owner.id);
  });

  it("says Google is offered", async () => {
    const answer = await callProcedure(server.url, "iam.authProviders", {});
    expect(answer.data).toEqual({ google: true });
  });
});

describe("Continue with Google on a server without a Google client", () => {
  const database = useTestDatabase();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("says Google is not offered and refuses a Google sign-in with a stable code", async () => {
    expect((await callProcedure(server.url, "iam.authProviders", {})).data).toEqual({ google: false });

    const refused = await postJson(
      `${server.url}/api/auth/sign-in/social`,
      { provider: "google", callbackURL: "/inbox" },
      { origin: APP_ORIGIN },
    );
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({
      code: "calendars.google_not_configured",
      message: "Signing in with Google is not set up on this server.",
    });
    expect(refused.headers.get("location")).toBeNull();
  });
});
