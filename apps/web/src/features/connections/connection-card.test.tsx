// @vitest-environment jsdom
import { randomUUID } from "node:crypto";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../testing/render-with-providers.tsx";
import { ConnectionCard } from "./connection-card.tsx";
import type { Connection } from "./connection-types.ts";

/**
 * A Google account as `calendars.list` returns it. States a real account reaches only after
 * Google revokes a grant or a sync fails are shown here from the list's data, the one input
 * the card reads; connecting and the states after it run against the real server and the fake
 * Google in connections-panel.test.tsx.
 */
function googleAccount(overrides: Partial<Connection> = {}): Connection {
  return {
    id: randomUUID(),
    kind: "google",
    name: "Ada Lovelace (ada@example.com)",
    email: "ada@example.com",
    status: "ok",
    lastSyncedAt: new Date(Date.now() - 2 * 60_000),
    lastError: null,
    calendars: [
      {
        id: randomUUID(),
        externalId: "ada@example.com",
        name: "Ada Lovelace",
        color: "#16a765",
        busy: true,
        allDayBusy: false,
        writeTarget: false,
        readOnly: false,
      },
      {
        id: randomUUID(),
        externalId: "holidays@group.v.calendar.google.com",
        name: "Holidays",
        color: null,
        busy: false,
        allDayBusy: false,
        writeTarget: false,
        readOnly: false,
      },
    ],
    ...overrides,
  };
}

const renderCard = (connection: Connection) =>
  renderWithProviders(
    <ul>
      <ConnectionCard connection={connection} />
    </ul>,
  );

describe("a Google connection in Settings", () => {
  it("says it is connected, when it last synced, and lists its calendars with their busy choice", () => {
    renderCard(googleAccount());
    expect(screen.getByText("Connected")).toBeDefined();
    expect(screen.getByText("2 minutes ago").closest("p")?.textContent).toBe("Last synced 2 minutes ago");
    const calendars = screen.getByRole("list", { name: "Calendars of Ada Lovelace (ada@example.com)" });
    expect(within(calendars).getByRole("checkbox", { name: "“Ada Lovelace” counts as busy" })).toHaveProperty(
      "checked",
      true,
    );
    expect(within(calendars).getByRole("checkbox", { name: "“Holidays” counts as busy" })).toHaveProperty(
      "checked",
      false,
    );
    // All-day events are free unless the person says otherwise; the choice waits for "counts as busy".
    expect(
      within(calendars).getByRole("checkbox", { name: "All-day events of “Ada Lovelace” count as busy" }),
    ).toHaveProperty("checked", false);
    expect(
      within(calendars).getByRole("checkbox", { name: "All-day events of “Holidays” count as busy" }),
    ).toHaveProperty("disabled", true);
    expect(screen.queryByRole("button", { name: /Reconnect/ })).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("asks to reconnect when Google no longer accepts its access, and says why in words", () => {
    renderCard(googleAccount({ status: "needs_reconnect", lastError: null }));
    expect(screen.getByText("Needs reconnecting")).toBeDefined();
    expect(
      screen.getByText(/Google no longer accepts AgendaCraft's access.*Reconnect to resume syncing/),
    ).toBeDefined();
    expect(screen.getByRole("button", { name: "Reconnect “Ada Lovelace (ada@example.com)”" })).toBeDefined();
  });

  it("shows the server's reason for a failed sync, and offers Reconnect", () => {
    renderCard(
      googleAccount({
        status: "error",
        lastError: "Google did not answer in time. AgendaCraft tries again by itself.",
      }),
    );
    expect(screen.getByText("Last sync failed")).toBeDefined();
    expect(screen.getByText("Google did not answer in time. AgendaCraft tries again by itself.")).toBeDefined();
    expect(screen.getByRole("button", { name: /^Reconnect/ })).toBeDefined();
  });

  it("says a new connection has not synced yet", () => {
    renderCard(googleAccount({ lastSyncedAt: null, status: "syncing" }));
    expect(screen.getByText("Syncing…")).toBeDefined();
    expect(screen.getByText("Not synced yet")).toBeDefined();
  });

  it("asks before disconnecting, with a box to also remove the events AgendaCraft wrote", async () => {
    const user = userEvent.setup();
    renderCard(googleAccount());
    await user.click(screen.getByRole("button", { name: "Disconnect “Ada Lovelace (ada@example.com)”" }));
    const dialog = screen.getByRole("dialog", { name: "Disconnect “Ada Lovelace (ada@example.com)”?" });
    const box = within(dialog).getByRole("checkbox", {
      name: "Also remove the events AgendaCraft wrote to this Google account",
    });
    expect(box).toHaveProperty("checked", false);
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
