import { describe, expect, it } from "vitest";
import { describeHistoryEntry } from "./task-history-sentence.ts";
import type { TaskHistoryEntry } from "./task-types.ts";

const ZONE = "Europe/Berlin";
const at = new Date("2026-06-02T08:00:00Z");
const entry = (kind: TaskHistoryEntry["kind"], detail: TaskHistoryEntry["detail"] = {}): TaskHistoryEntry => ({
  id: "0190f0c0-0000-7000-8000-000000000000",
  kind,
  at,
  detail,
});
// Tuesday 2 June 2026, 10:00-11:00 in Berlin (summer time).
const tuesday = { start: "2026-06-02T08:00:00.000Z", end: "2026-06-02T09:00:00.000Z" };

describe("the sentence for a history entry, in the person's zone", () => {
  it("says where Google Calendar moved the task, and whether Google's change won over ours", () => {
    expect(describeHistoryEntry(entry("moved_in_google", { from: null, to: tuesday }), ZONE)).toBe(
      "Moved in Google Calendar to Tue 2 Jun, 10:00–11:00",
    );
    expect(describeHistoryEntry(entry("moved_in_google", { to: tuesday, winner: "google" }), ZONE)).toBe(
      "Moved in Google Calendar to Tue 2 Jun, 10:00–11:00 (newer than your change in AgendaCraft, so it won)",
    );
    expect(describeHistoryEntry(entry("unscheduled_in_google", { from: tuesday, to: null }), ZONE)).toBe(
      "Deleted from Google Calendar, so it has no time now",
    );
  });

  it("says when AgendaCraft's change was newer and Google's edit was replaced", () => {
    const moved = entry("google_change_ignored", {
      change: "moved",
      google: tuesday,
      to: tuesday,
      winner: "agendacraft",
    });
    expect(describeHistoryEntry(moved, ZONE)).toBe("Your change in AgendaCraft was newer; Google's edit was replaced");
    const deleted = entry("google_change_ignored", { change: "deleted", google: null, winner: "agendacraft" });
    expect(describeHistoryEntry(deleted, ZONE)).toBe(
      "Your change in AgendaCraft was newer; deleting it in Google was replaced and the event put back",
    );
  });

  it("quotes the title a rename in Google gave, or says ours was newer", () => {
    expect(
      describeHistoryEntry(entry("renamed_in_google", { fromSummary: "Dentist", toSummary: "Dentist (Dr Ng)" }), ZONE),
    ).toBe("Renamed in Google Calendar to “Dentist (Dr Ng)”");
    const ignored = entry("google_change_ignored", { change: "renamed", toSummary: "Call", winner: "agendacraft" });
    expect(describeHistoryEntry(ignored, ZONE)).toBe(
      "Your change in AgendaCraft was newer; renaming it to “Call” in Google was replaced",
    );
  });

  it("names plans, undo, completion and creation plainly", () => {
    expect(describeHistoryEntry(entry("planned", { from: null, to: tuesday }), ZONE)).toBe(
      "Planned to Tue 2 Jun, 10:00–11:00",
    );
    expect(describeHistoryEntry(entry("plan_undone", { from: tuesday, to: null }), ZONE)).toBe(
      "Plan undone: no time again",
    );
    expect(describeHistoryEntry(entry("completed"), ZONE)).toBe("Completed");
    expect(describeHistoryEntry(entry("reopened"), ZONE)).toBe("Reopened");
    expect(describeHistoryEntry(entry("created", { to: null }), ZONE)).toBe("Created");
  });
});
