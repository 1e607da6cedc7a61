// @vitest-environment jsdom
import { randomUUID } from "node:crypto";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../testing/render-with-providers.tsx";
import type { Connection, ConnectionCalendar } from "./connection-types.ts";
import { WriteTargetChoice } from "./write-target-choice.tsx";

/** The list's data is the only input; choosing against the real server is in connections-panel.test.tsx. */
function calendar(name: string, overrides: Partial<ConnectionCalendar> = {}): ConnectionCalendar {
  return {
    id: randomUUID(),
    externalId: `${name}@group.calendar.google.com`,
    name,
    color: null,
    busy: false,
    allDayBusy: false,
    writeTarget: false,
    readOnly: false,
    ...overrides,
  };
}

function account(calendars: ConnectionCalendar[]): Connection {
  return {
    id: randomUUID(),
    kind: "google",
    name: "ada@example.com",
    email: "ada@example.com",
    status: "ok",
    lastSyncedAt: new Date(),
    lastError: null,
    calendars,
  };
}

describe("choosing where plans are written", () => {
  it("offers calendars the person can edit and disables, with the reason, one shared read-only", () => {
    renderWithProviders(
      <WriteTargetChoice connections={[account([calendar("Work"), calendar("Holidays", { readOnly: true })])]} />,
    );
    expect(screen.getByRole("radio", { name: "Work" })).toHaveProperty("disabled", false);
    const holidays = screen.getByRole("radio", { name: /^Holidays/ });
    expect(holidays).toHaveProperty("disabled", true);
    expect(holidays.getAttribute("aria-describedby")).not.toBeNull();
    expect(screen.getByText("— read-only in Google: plans cannot be written here")).toBeDefined();
  });

  it("says so when the chosen calendar has become read-only", () => {
    renderWithProviders(
      <WriteTargetChoice
        connections={[account([calendar("Work"), calendar("Team", { writeTarget: true, readOnly: true })])]}
      />,
    );
    expect(screen.getByRole("radio", { name: /^Team/ })).toHaveProperty("checked", true);
    expect(
      screen.getByText("— read-only in Google now: plans are not written here; choose another calendar"),
    ).toBeDefined();
  });
});
