// @vitest-environment jsdom
import { cleanup, configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type EventSourceInit, EventSource as FetchEventSource } from "eventsource";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { type SignedUp, signUp } from "../../testing/sign-up.ts";

// Every step waits on the real server, which shares the machine with the other test files.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/**
 * jsdom has no EventSource. This one (the `eventsource` package, over fetch) sends the
 * person's cookie like a browser on the same origin would, and tells the test when the
 * server has accepted the stream, so a notification created after that can only reach
 * the page through the live stream.
 */
function installEventSourceFor(person: SignedUp): { connected: Promise<void> } {
  let markConnected = () => {};
  const connected = new Promise<void>((resolve) => {
    markConnected = resolve;
  });
  class CookieEventSource extends FetchEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, {
        ...init,
        fetch: (input, fetchInit) =>
          fetch(input, { ...fetchInit, headers: { ...fetchInit.headers, cookie: person.cookie } }),
      });
      // tRPC's server sends a "connected" event once the subscription is running.
      this.addEventListener("connected", () => markConnected());
    }
  }
  vi.stubGlobal("EventSource", CookieEventSource);
  return { connected };
}

/**
 * A real "task starting" reminder: with a 10 minute lead time, a task starting in two
 * minutes is already due, so the server's worker delivers its notification at once.
 */
async function scheduleDueReminder(person: SignedUp, summary: string) {
  const api = apiFor(person);
  await api.notifier.settings.update.mutate({ leadMinutes: 10, inApp: true });
  await api.scheduler.tasks.create.mutate({ summary, startTime: new Date(Date.now() + 2 * 60_000), minutes: 30 });
}

async function waitForUnread(person: SignedUp, count: number) {
  await waitFor(
    async () => expect((await apiFor(person).notifier.notifications.unreadCount.query()).count).toBe(count),
    { timeout: 20_000, interval: 250 },
  );
}

describe("notification bell", () => {
  it("shows a reminder the moment the server sends it, without reloading", async () => {
    const person = await signUp();
    const { connected } = installEventSourceFor(person);
    renderApp({ cookie: person.cookie, path: "/inbox" });

    expect(await screen.findByRole("button", { name: "Notifications" })).toBeDefined();
    await connected;

    await scheduleDueReminder(person, "Write the quarterly report");

    expect(await screen.findByRole("button", { name: "Notifications, 1 unread" }, { timeout: 20_000 })).toBeDefined();
    expect(await screen.findByText(/Starting at \d\d:\d\d: Write the quarterly report/)).toBeDefined();
  }, 30_000);

  it("lists notifications, marks one read, then all, and the count follows", async () => {
    const person = await signUp({ timeZone: "Asia/Tokyo" });
    await scheduleDueReminder(person, "Call the dentist");
    await scheduleDueReminder(person, "Water the plants");
    await waitForUnread(person, 2);
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    await user.click(await screen.findByRole("button", { name: "Notifications, 2 unread" }));
    const panel = screen.getByRole("dialog", { name: "Notifications" });
    expect(await within(panel).findByText(/Call the dentist/)).toBeDefined();
    expect(within(panel).getByText(/Water the plants/)).toBeDefined();
    expect(within(panel).getAllByText("Unread:")).toHaveLength(2);
    // Times are in the person's zone, which the body of a reminder names.
    expect(within(panel).getAllByText(/\(Asia\/Tokyo\)/)).toHaveLength(2);

    await user.click(within(panel).getByRole("button", { name: /^Mark read: .*Call the dentist/ }));
    expect(await screen.findByRole("button", { name: "Notifications, 1 unread" })).toBeDefined();
    expect(within(panel).getAllByText("Unread:")).toHaveLength(1);

    await user.click(within(panel).getByRole("button", { name: "Mark all read" }));
    expect(await screen.findByRole("button", { name: "Notifications" })).toBeDefined();
    expect(within(panel).queryByText("Unread:")).toBeNull();
    expect(within(panel).queryByRole("button", { name: /^Mark read/ })).toBeNull();
    await waitForUnread(person, 0);
  }, 40_000);

  it("opens an empty panel with focus inside, and gives focus back to the bell on Escape", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    const bell = await screen.findByRole("button", { name: "Notifications" });
    await user.click(bell);
    const panel = screen.getByRole("dialog", { name: "Notifications" });
    expect(await within(panel).findByText("No notifications yet")).toBeDefined();
    expect(panel.contains(document.activeElement)).toBe(true);
    expect(bell.getAttribute("aria-expanded")).toBe("true");

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog", { name: "Notifications" })).toBeNull();
    expect(document.activeElement).toBe(bell);

    await user.click(bell);
    expect(screen.getByRole("dialog", { name: "Notifications" })).toBeDefined();
    await user.click(screen.getByRole("main"));
    expect(screen.queryByRole("dialog", { name: "Notifications" })).toBeNull();
  });
});
