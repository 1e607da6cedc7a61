// @vitest-environment jsdom
import { approveConsent, type FakeGoogle, SCOPES, startFakeGoogle } from "@agendacraft/fake-google";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { FAKE_GOOGLE_CLIENT, fakeGooglePort, googleApiUrl } from "../../testing/google-test-server.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { type SignedUp, signUp } from "../../testing/sign-up.ts";
import { browserNavigation } from "./connect-google-button.tsx";

/**
 * Settings → Connections against the real server set up for Google, with the in-repo fake
 * Google in Google's place (GOOGLE_BASE_URL): the round trip through the consent page is
 * made as a browser makes it, with the person's session cookie.
 */
let fake: FakeGoogle;

beforeAll(async () => {
  fake = await startFakeGoogle({ ...FAKE_GOOGLE_CLIENT, port: fakeGooglePort() });
});
afterAll(async () => {
  await fake?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const person = (name: string) =>
  signUp({ url: googleApiUrl(), name, email: `${name.toLowerCase()}-${crypto.randomUUID()}@example.com` });
/** Settings (or `path`) as the person sees it, once the page has loaded. */
async function show(someone: SignedUp, path = "/settings") {
  cleanup();
  const view = renderApp({ url: googleApiUrl(), cookie: someone.cookie, path });
  // The page's code loads on first use, which a busy machine can slow past the usual wait.
  await screen.findByRole("heading", { name: "Settings", level: 1 }, { timeout: 30_000 });
  return view;
}

/** Presses "Connect Google Calendar" and returns where the app sent the browser. */
async function pressConnect(): Promise<string> {
  const assign = vi.spyOn(browserNavigation, "assign").mockImplementation(() => {});
  await userEvent.setup().click(await screen.findByRole("button", { name: "Connect Google Calendar" }));
  await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
  return String(assign.mock.calls[0]?.[0]);
}

/**
 * The person answers Google's consent page (every box ticked, or only `grant`), and the
 * browser follows Google's redirect to our callback; returns the app path it lands on.
 */
async function consent(someone: SignedUp, authorizeUrl: string, choice: { email: string; grant?: string[] }) {
  const callback = new URL(await approveConsent(authorizeUrl, choice));
  // The callback is registered under PUBLIC_URL; this run's server listens elsewhere.
  const answer = await fetch(`${googleApiUrl()}${callback.pathname}${callback.search}`, {
    headers: { cookie: someone.cookie },
    redirect: "manual",
  });
  expect(answer.status).toBe(303);
  return answer.headers.get("location") ?? "";
}

describe("Settings → Connections with Google", { timeout: 90_000 }, () => {
  it("loads, says nothing is connected yet, and offers Connect Google Calendar", async () => {
    const ada = await person("Ada");
    renderApp({ url: googleApiUrl(), cookie: ada.cookie, path: "/settings" });
    expect(await screen.findByText("Loading connections…", undefined, { timeout: 30_000 })).toBeDefined();
    expect(await screen.findByText("No calendars connected yet")).toBeDefined();
    expect(await screen.findByRole("button", { name: "Connect Google Calendar" })).toBeDefined();
  });

  it("connects through Google's consent page and lists the account, its calendars and the outcome", async () => {
    const grace = await person("Grace");
    const email = `grace-${crypto.randomUUID()}@gmail.example`;
    fake.addAccount({ email, name: "Grace Hopper" });
    fake.addCalendar(email, { summary: "Team" });
    await show(grace);

    const authorizeUrl = await pressConnect();
    expect(authorizeUrl.startsWith(`${fake.url}/o/oauth2/v2/auth?`)).toBe(true);
    expect(new URL(authorizeUrl).searchParams.get("scope")).toContain(SCOPES.events);
    const landing = await consent(grace, authorizeUrl, { email });
    expect(landing).toMatch(/^\/settings\?google=connected/);

    const { router } = await show(grace, landing);
    expect(await screen.findByText(/Google Calendar is connected/)).toBeDefined();
    // The outcome is said once: it leaves the address, so a reload does not repeat it.
    await waitFor(() => expect(router.state.location.search).toBe(""));
    const list = await screen.findByRole("list", { name: "Connections" });
    const account = within(list).getAllByRole("listitem")[0];
    // The first sync runs as a job: "Not synced yet" until it is done, and the list follows by itself.
    await waitFor(() => expect(account?.textContent).toMatch(/Google Calendar\s*Connected\s*Last synced just now/), {
      timeout: 30_000,
    });
    const calendars = within(list).getByRole("list", { name: /^Calendars of / });
    // The primary calendar counts as busy from the start; others wait for the person's choice.
    expect(within(calendars).getByRole("checkbox", { name: `“${email}” counts as busy` })).toHaveProperty(
      "checked",
      true,
    );
    const team = within(calendars).getByRole("checkbox", { name: "“Team” counts as busy" });
    expect(team).toHaveProperty("checked", false);

    await userEvent.setup().click(team);
    await waitFor(async () => {
      const [connection] = await apiFor(grace).calendars.list.query();
      expect(connection?.calendars.find((calendar) => calendar.name === "Team")?.busy).toBe(true);
    });
    await waitFor(() => expect(team).toHaveProperty("checked", true));
  });

  it("says which calendar permission was left unticked, and connects nothing", async () => {
    const linus = await person("Linus");
    const email = `linus-${crypto.randomUUID()}@gmail.example`;
    await show(linus);
    const authorizeUrl = await pressConnect();
    const landing = await consent(linus, authorizeUrl, {
      email,
      grant: [SCOPES.openid, SCOPES.email, SCOPES.profile, SCOPES.calendarListReadonly, SCOPES.appCreated],
    });
    expect(landing).toMatch(/google=missing_scope/);

    await show(linus, landing);
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /this permission was not granted: “View and edit events on your calendars”/,
    );
    expect(await screen.findByText("No calendars connected yet")).toBeDefined();
  });

  it("says in words why a sync failed once Google revokes the access, and offers Reconnect", async () => {
    const barbara = await person("Barbara");
    const email = `barbara-${crypto.randomUUID()}@gmail.example`;
    await show(barbara);
    await consent(barbara, await pressConnect(), { email });
    // The person removes AgendaCraft's access in their Google account.
    fake.injectInvalidGrant(email);
    fake.expireAccessTokens(email);

    await show(barbara);
    await userEvent.setup().click(await screen.findByRole("button", { name: /^Sync “.*” now$/ }));
    const list = screen.getByRole("list", { name: "Connections" });
    await within(list).findByText(/^(Last sync failed|Needs reconnecting)$/, undefined, { timeout: 30_000 });
    // Whatever the server says went wrong is what the person reads, next to the way out.
    const [connection] = await apiFor(barbara).calendars.list.query();
    const reason = connection?.lastError;
    expect(reason).toBeTruthy();
    await within(list).findByText(reason ?? "");
    expect(within(list).getByRole("button", { name: /^Reconnect “/ })).toBeDefined();
  });

  it("creates an AgendaCraft calendar in Google and writes plans there", async () => {
    const katherine = await person("Katherine");
    const email = `katherine-${crypto.randomUUID()}@gmail.example`;
    await show(katherine);
    await consent(katherine, await pressConnect(), { email });

    await show(katherine);
    const user = userEvent.setup();
    const choice = await screen.findByRole("group", { name: "Write planned tasks to" });
    expect(within(choice).getByRole("radio", { name: "Nowhere (plans stay in AgendaCraft)" })).toHaveProperty(
      "checked",
      true,
    );
    await user.click(within(choice).getByRole("button", { name: "Create an AgendaCraft calendar" }));
    await waitFor(() =>
      expect(within(choice).getByRole("radio", { name: "AgendaCraft" })).toHaveProperty("checked", true),
    );
    expect(fake.calendars(email).map((calendar) => calendar.summary)).toContain("AgendaCraft");
  });
});

describe("Settings → Connections on a server without Google", () => {
  it("hides Connect Google Calendar and keeps the iCal form", async () => {
    const ada = await signUp({ name: "Ada" });
    const { queryClient } = renderApp({ cookie: ada.cookie, path: "/settings" });
    expect(await screen.findByText("No calendars connected yet", undefined, { timeout: 30_000 })).toBeDefined();
    // Every question to the server has been answered, the providers one included.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(screen.queryByRole("button", { name: "Connect Google Calendar" })).toBeNull();
    // Nor does the empty list suggest Google, which this server does not offer.
    expect(
      screen.getByText("Add a calendar's iCal address below to keep planned tasks out of your meetings."),
    ).toBeDefined();
    expect(screen.getByLabelText("Secret iCal address")).toBeDefined();
  });
});
