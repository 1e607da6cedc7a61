import { createAgendaCraftClient } from "@agendacraft/client";
import { createDurableStorage, type DurableStorage } from "@agendacraft/db/testing";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { type SpawnedServer, spawnServer } from "@agendacraft/server/testing/spawn-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExitCode } from "../lib/exit-codes.ts";
import { recordOutput } from "../testing/record-output.ts";
import { todoistImportCommand } from "./todoist-import.ts";

const APP_ORIGIN = "http://localhost:3000";
const EMAIL = "ada@example.com";

/**
 * `ac todoist import` against the real server process (its worker runs the sync job) with the
 * fake Todoist in Todoist's place, as a person runs it after connecting in Settings.
 * Needs the Todoist services (tdconnect, tdpull, tdpush): it passes once they are merged.
 */
describe("ac todoist import against the real server and the fake Todoist", { timeout: 180_000 }, () => {
  let fake: FakeTodoist;
  let storage: DurableStorage;
  let server: SpawnedServer;
  let url: string;
  let token: string;
  let api: ReturnType<typeof createAgendaCraftClient>;

  beforeAll(async () => {
    fake = await startFakeTodoist();
    fake.generate(fake.defaultEmail, { projects: 3, tasks: 40, recurring: 4 });
    storage = await createDurableStorage({ migrated: true });
    server = spawnServer({
      ...storage.env,
      AUTH_SECRET: "scripts-tests-secret-at-least-32-characters-long",
      PUBLIC_URL: APP_ORIGIN,
      TODOIST_BASE_URL: fake.url,
    });
    url = await server.listening;
    const signedUp = await fetch(`${url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP_ORIGIN },
      body: JSON.stringify({ name: "Ada Lovelace", email: EMAIL, password: "correct horse battery staple" }),
    });
    expect(signedUp.status).toBe(200);
    const cookie = signedUp.headers
      .getSetCookie()
      .map((value) => value.split(";")[0])
      .join("; ");
    const web = createAgendaCraftClient({ url: `${url}/trpc`, headers: { cookie, origin: APP_ORIGIN } });
    token = (await web.iam.tokens.create.mutate({ name: "ac todoist import test" })).secret;
    api = createAgendaCraftClient({ url: `${url}/trpc`, token });
  });
  afterAll(async () => {
    await server?.stop();
    await storage?.dispose();
    await fake?.close();
  });

  const run = async () => {
    const output = recordOutput();
    const progress: string[] = [];
    const code = await todoistImportCommand({
      // The config directory is never read: AGENDACRAFT_TOKEN wins over saved credentials.
      env: { baseUrl: url, urlOverride: url, token, configDir: "/nonexistent/ac-todoist-import" },
      ...output,
      progress: { isTTY: false, write: (text) => progress.push(text) },
      pollMs: 100,
    });
    return { code, progress, ...output };
  };

  it("says to connect in Settings first when Todoist is not connected", async () => {
    const result = await run();
    expect(result.code).toBe(ExitCode.failure);
    expect(result.err.join("\n")).toMatch(/Todoist is not connected.*Settings → Connections → Todoist/);
    expect(result.out).toEqual([]);
  });

  it("imports every project and task, then finds nothing new on the next run", async () => {
    await api.todoist.connect.mutate({ apiToken: fake.issueToken(fake.defaultEmail) });

    const first = await run();
    expect(first.err).toEqual([]);
    expect(first.code).toBe(ExitCode.ok);
    expect(first.out[0]).toMatch(/^Todoist sync finished: \d+ tasks? in \d+ projects?$/);
    expect(first.out).toContain("  Conflicts   none");
    // The import queued at connect may start right after this run: wait for it to end too.
    await expect.poll(async () => (await api.todoist.status.query()).running, { timeout: 60_000 }).toBeNull();
    expect((await api.todoist.status.query()).lastError).toBeNull();
    // Everything seen is here now, whether this run or the one queued at connect imported it.
    expect((await api.scheduler.tasks.list.query({ limit: 100 })).items.length).toBeGreaterThanOrEqual(40);

    const second = await run();
    expect(second.code).toBe(ExitCode.ok);
    expect(second.out).toContain("  Created     0");
    expect(second.out).toContain("  Pushed      0 changes sent to Todoist");
  });
});
