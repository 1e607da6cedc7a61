// @vitest-environment jsdom
import { randomUUID } from "node:crypto";
import { cleanup, configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../testing/render-with-providers.tsx";
import { browserNavigation } from "./connect-google-button.tsx";
import { TodoistCard } from "./todoist-card.tsx";
import { fakeTodoistServer, type TodoistAnswers, TodoistRefusal } from "./todoist-test-answers.ts";
import type { TodoistLastResult, TodoistStatus } from "./todoist-types.ts";

// The status is polled once a second while a run goes; a busy machine may need a few rounds.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const NOT_CONNECTED: TodoistStatus = {
  connected: false,
  account: null,
  authKind: null,
  needsReconnect: false,
  lastSyncedAt: null,
  lastError: null,
  running: null,
  lastResult: null,
  unmapped: [],
  oauthAvailable: false,
};

function connected(overrides: Partial<TodoistStatus> = {}): TodoistStatus {
  return {
    ...NOT_CONNECTED,
    connected: true,
    account: { email: "ada@example.com", name: "Ada Lovelace" },
    authKind: "token",
    lastSyncedAt: new Date(Date.now() - 2 * 60_000),
    ...overrides,
  };
}

const IMPORTED: TodoistLastResult = {
  projects: 3,
  tasks: 200,
  created: 200,
  updated: 0,
  completed: 0,
  deleted: 0,
  pushed: 0,
  conflicts: [],
  notes: [],
};

/** The card with todoist.* answered by `answers` (read again on every call, so a test can move the state on). */
function showCard(answers: TodoistAnswers) {
  const server = fakeTodoistServer(answers, globalThis.fetch);
  vi.stubGlobal("fetch", server.fetch);
  renderWithProviders(<TodoistCard />);
  // Settings finds the card as a region by its name, as the Chromium test does.
  expect(screen.getByRole("region", { name: "Todoist" })).toBeDefined();
  return server;
}

const callsOf = (server: ReturnType<typeof fakeTodoistServer>, procedure: string) =>
  server.calls.filter((call) => call.procedure === procedure);

describe("Settings → Connections → Todoist", () => {
  it("connects with a pasted token, saying under the field when Todoist refuses it", async () => {
    const user = userEvent.setup();
    let status = NOT_CONNECTED;
    const server = showCard({
      status: () => status,
      connect: ({ apiToken }) => {
        if (apiToken !== "good_token") {
          throw new TodoistRefusal(
            "todoist.token_invalid",
            "Todoist did not accept that token. Copy it again from Todoist: Settings → Integrations → Developer → API token.",
          );
        }
        status = connected({ lastSyncedAt: null });
        return status;
      },
    });

    const field = await screen.findByLabelText("Todoist API token");
    expect(field.getAttribute("type")).toBe("password");
    expect(screen.getByText(/Settings → Integrations → Developer/)).toBeDefined();
    // No consent page on a server without TODOIST_CLIENT_ID.
    expect(screen.queryByRole("button", { name: "Connect with Todoist" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Connect" }));
    expect(await screen.findByText(/^Paste your Todoist API token/)).toBeDefined();
    expect(callsOf(server, "todoist.connect")).toHaveLength(0);

    await user.type(field, "revoked_token");
    await user.click(screen.getByRole("button", { name: "Connect" }));
    const refusal = await screen.findByText(/Todoist did not accept that token/);
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toContain(refusal.id);
    expect(screen.queryByText("Ada Lovelace (ada@example.com)")).toBeNull();

    await user.clear(field);
    await user.type(field, "good_token");
    await user.click(screen.getByRole("button", { name: "Connect" }));
    expect(await screen.findByText("Ada Lovelace (ada@example.com)")).toBeDefined();
    expect(screen.getByText("Not synced yet")).toBeDefined();
    expect(screen.queryByLabelText("Todoist API token")).toBeNull();
    expect(callsOf(server, "todoist.connect").map((call) => call.input)).toEqual([
      { apiToken: "revoked_token" },
      { apiToken: "good_token" },
    ]);

    // Right after connecting the queued import is watched for: its progress, then its summary.
    status = connected({ lastSyncedAt: null, running: { phase: "tasks", done: 50, total: 200 } });
    expect(await screen.findByText("Importing tasks 50 of 200…")).toBeDefined();
    status = connected({ lastSyncedAt: new Date(), lastResult: IMPORTED });
    expect(
      await screen.findByText(
        "Imported 200 tasks in 3 projects: 200 created, 0 updated, 0 completed, 0 deleted; 0 changes sent to Todoist.",
      ),
    ).toBeDefined();
    expect(screen.getByText("just now").closest("p")?.textContent).toBe("Last synced just now");
  });

  it("offers Todoist's own page when the server is set up for it, and goes there", async () => {
    const assign = vi.spyOn(browserNavigation, "assign").mockImplementation(() => {});
    const server = showCard({
      status: () => ({ ...NOT_CONNECTED, oauthAvailable: true }),
      connectUrl: () => ({ url: "https://todoist.example/oauth/authorize?state=abc" }),
    });
    await userEvent.setup().click(await screen.findByRole("button", { name: "Connect with Todoist" }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith("https://todoist.example/oauth/authorize?state=abc"));
    expect(callsOf(server, "todoist.connectUrl").map((call) => call.input)).toEqual([{ returnTo: "/settings" }]);
  });

  it("shows each phase of a run with a progress bar and keeps Sync now off until it ends", async () => {
    let status = connected({ running: { phase: "push", done: 0, total: 3 } });
    showCard({ status: () => status });

    expect(await screen.findByText("Sending your changes…")).toBeDefined();
    expect(screen.getByRole("button", { name: "Syncing…" })).toHaveProperty("disabled", true);
    expect(screen.getByText("Syncing…", { selector: "span" })).toBeDefined();

    status = connected({ running: { phase: "projects", done: 0, total: 0 } });
    expect(await screen.findByText("Reading projects…")).toBeDefined();
    // No total yet: the bar says it is busy, not 0 %.
    expect(screen.getByRole("progressbar", { name: "Todoist sync progress" }).getAttribute("aria-valuenow")).toBeNull();

    status = connected({ running: { phase: "tasks", done: 123, total: 200 } });
    expect(await screen.findByText("Importing tasks 123 of 200…")).toBeDefined();
    const bar = screen.getByRole("progressbar", { name: "Todoist sync progress" });
    expect(bar.getAttribute("aria-valuenow")).toBe("62");
    expect(bar.getAttribute("aria-valuetext")).toBe("Importing tasks 123 of 200");

    status = connected({ running: { phase: "completed", done: 0, total: 0 } });
    expect(await screen.findByText("Reading completed tasks…")).toBeDefined();

    status = connected({ lastSyncedAt: new Date(), lastResult: IMPORTED });
    expect(await screen.findByRole("button", { name: "Sync now" })).toHaveProperty("disabled", false);
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("syncs now, showing the run's progress while todoist.sync() waits for it", async () => {
    const user = userEvent.setup();
    let status = connected({ lastResult: IMPORTED });
    let finish: (answer: Awaited<ReturnType<NonNullable<TodoistAnswers["sync"]>>>) => void = () => {};
    const server = showCard({
      status: () => status,
      sync: () =>
        new Promise((resolve) => {
          finish = resolve;
        }),
    });

    await user.click(await screen.findByRole("button", { name: "Sync now" }));
    status = connected({ lastResult: IMPORTED, running: { phase: "tasks", done: 1, total: 4 } });
    expect(await screen.findByText("Importing tasks 1 of 4…")).toBeDefined();
    expect(screen.getByRole("button", { name: "Syncing…" })).toHaveProperty("disabled", true);

    const result = { ...IMPORTED, projects: 1, tasks: 4, created: 0, updated: 4, unmapped: [] };
    status = connected({ lastSyncedAt: new Date(), lastResult: result });
    finish({ ...result, running: null });
    expect(
      await screen.findByText(
        "Synced Todoist. Imported 4 tasks in 1 project: 0 created, 4 updated, 0 completed, 0 deleted; 0 changes sent to Todoist.",
      ),
    ).toBeDefined();
    expect(callsOf(server, "todoist.sync")).toHaveLength(1);
  });

  it("sums up the last run with its conflicts and notes, and lists the repeats it could not plan", async () => {
    const taskId = randomUUID();
    showCard({
      status: () =>
        connected({
          lastResult: {
            ...IMPORTED,
            conflicts: [
              { taskId, todoistId: "101", field: "summary", winner: "todoist" },
              { taskId: null, todoistId: "102", field: "minutes", winner: "agendacraft" },
            ],
            notes: [
              { todoistId: "103", taskId: null, note: "“Offsite” lasts 3 days in Todoist; kept as 24 hours here." },
            ],
          },
          unmapped: [
            {
              taskId,
              todoistId: "201",
              text: "every 2 hours",
              reason: "AgendaCraft plans repeats at most once a day",
            },
            {
              taskId: null,
              todoistId: "202",
              text: "every other full moon",
              reason: "not a pattern AgendaCraft reads",
            },
          ],
        }),
    });

    expect(await screen.findByText(/^Imported 200 tasks in 3 projects/)).toBeDefined();
    expect(
      screen.getByText("2 fields changed on both sides since the last sync; the later change was kept."),
    ).toBeDefined();
    const notes = screen.getByRole("list", { name: "Notes from the last Todoist sync" });
    expect(within(notes).getByText("“Offsite” lasts 3 days in Todoist; kept as 24 hours here.")).toBeDefined();

    expect(screen.getByText("2 repeats AgendaCraft does not plan as a repeat")).toBeDefined();
    const unmapped = within(screen.getByRole("list", { name: "Todoist repeats not planned" })).getAllByRole("listitem");
    expect(unmapped.map((item) => item.textContent)).toEqual([
      "“every 2 hours” — AgendaCraft plans repeats at most once a dayOpen task",
      "“every other full moon” — not a pattern AgendaCraft readsdeleted in AgendaCraft",
    ]);
    expect(screen.getByRole("button", { name: "Open the task repeating “every 2 hours”" })).toBeDefined();
  });

  it("says why the last sync failed, and asks for a new token when Todoist refuses the stored one", async () => {
    showCard({
      status: () =>
        connected({
          needsReconnect: true,
          lastError: "Todoist no longer accepts AgendaCraft's access. Connect Todoist again in Settings → Connections.",
        }),
    });
    expect(await screen.findByText("Needs reconnecting")).toBeDefined();
    expect(screen.getByText(/^Todoist no longer accepts AgendaCraft's access\. Connect Todoist again/)).toBeDefined();
    const prompt = screen.getByRole("alert");
    expect(within(prompt).getByLabelText("Todoist API token")).toBeDefined();
    expect(within(prompt).getByRole("button", { name: "Reconnect" })).toBeDefined();
    expect(screen.getByRole("button", { name: "Sync now" })).toHaveProperty("disabled", true);
  });

  it("asks before disconnecting: imported tasks are kept unless the person chooses to remove them", async () => {
    const user = userEvent.setup();
    let status = connected({ lastResult: IMPORTED });
    const server = showCard({
      status: () => status,
      disconnect: () => {
        status = NOT_CONNECTED;
        return { disconnected: true };
      },
    });

    await user.click(await screen.findByRole("button", { name: "Disconnect" }));
    let dialog = screen.getByRole("dialog", { name: "Disconnect Todoist?" });
    expect(within(dialog).getByText(/Nothing is deleted in Todoist/)).toBeDefined();
    expect(
      within(dialog).getByRole("radio", { name: "Keep the imported tasks and projects in AgendaCraft" }),
    ).toHaveProperty("checked", true);
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(callsOf(server, "todoist.disconnect")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Disconnect" }));
    dialog = screen.getByRole("dialog", { name: "Disconnect Todoist?" });
    await user.click(within(dialog).getByRole("radio", { name: /^Remove the imported tasks and projects/ }));
    await user.click(within(dialog).getByRole("button", { name: "Disconnect" }));
    expect(
      await screen.findByText("Disconnected Todoist and removed the imported tasks from AgendaCraft."),
    ).toBeDefined();
    expect(callsOf(server, "todoist.disconnect").map((call) => call.input)).toEqual([{ keepTasks: false }]);
    // Read again after the disconnect: the card offers to connect.
    expect(await screen.findByLabelText("Todoist API token")).toBeDefined();
  });

  it("disconnects keeping the imported tasks by default", async () => {
    const user = userEvent.setup();
    const server = showCard({ status: () => connected(), disconnect: () => ({ disconnected: true }) });
    await user.click(await screen.findByRole("button", { name: "Disconnect" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Disconnect" }));
    expect(await screen.findByText("Disconnected Todoist. The imported tasks stay in AgendaCraft.")).toBeDefined();
    expect(callsOf(server, "todoist.disconnect").map((call) => call.input)).toEqual([{ keepTasks: true }]);
  });
});
