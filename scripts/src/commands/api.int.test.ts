import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { useTestDatabase } from "@agendacraft/db/testing";
import type { TestServer } from "@agendacraft/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCredentials } from "../lib/credentials-store.ts";
import { readEnv, type ScriptsEnv } from "../lib/env.ts";
import { ExitCode } from "../lib/exit-codes.ts";
import { recordOutput } from "../testing/record-output.ts";
import { startPublicTestServer } from "../testing/start-public-test-server.ts";
import { apiCommand } from "./api.ts";
import { loginCommand } from "./login.ts";

const AC = fileURLToPath(new URL("../ac.ts", import.meta.url));
const SCRIPTS_DIR = fileURLToPath(new URL("../../", import.meta.url));
const EMAIL = "grace@example.com";
const PASSWORD = "correct horse battery staple";

const database = useTestDatabase();

/** `pnpm ac ...` as a person runs it: its own process, stdin piped in. */
function runAc(args: string[], env: Record<string, string>, stdin: string) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", AC, ...args],
      { cwd: SCRIPTS_DIR, env: { PATH: process.env.PATH ?? "", ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr }),
    );
    child.stdin?.end(stdin);
  });
}

describe("ac api against the real server, with the token ac login saved", () => {
  let server: TestServer & { directUrl: string };
  let configDir: string;
  let env: ScriptsEnv;

  function api(method: string | undefined, path: string | undefined, body?: string, stdin = "") {
    const output = recordOutput();
    return apiCommand({ env, method, path, body, readStdin: async () => stdin, ...output }).then((code) => ({
      code,
      ...output,
    }));
  }

  beforeAll(async () => {
    server = await startPublicTestServer({ db: database().prisma });
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Grace Hopper", email: EMAIL, password: PASSWORD }),
    });
    expect(signUp.status).toBe(200);
    configDir = await mkdtemp(join(tmpdir(), "ac-api-"));
    const login = recordOutput();
    const code = await loginCommand({
      baseUrl: server.url,
      configDir,
      email: EMAIL,
      prompts: { email: async () => EMAIL, password: async () => PASSWORD },
      ...login,
    });
    expect(login.err).toEqual([]);
    expect(code).toBe(ExitCode.ok);
    env = readEnv({ AGENDACRAFT_CONFIG_DIR: configDir });
  });
  afterAll(async () => {
    await server?.close();
    if (configDir) await rm(configDir, { recursive: true, force: true });
  });

  it("creates a task and lists tasks: JSON on stdout, status and Link on stderr", async () => {
    const created = await api("POST", "/api/v1/tasks/", '{"summary": "New task", "minutes": 45, "priority": 2}');
    expect(created.code).toBe(ExitCode.ok);
    expect(created.err).toEqual(["HTTP 201 Created"]);
    expect(created.out).toHaveLength(1);
    const task = JSON.parse(created.out[0] ?? "");
    expect(task).toMatchObject({ summary: "New task", minutes: 45, priority: 2 });
    // Pretty-printed for a person to read.
    expect(created.out[0]).toContain('\n  "summary": "New task",\n');

    await api("POST", "/api/v1/tasks/", "-", '{"summary": "Second task"}');
    const firstPage = await api("get", "/api/v1/tasks/?limit=1");
    expect(firstPage.code).toBe(ExitCode.ok);
    expect(firstPage.err).toEqual([
      "HTTP 200 OK",
      expect.stringMatching(/^Link: <\/api\/v1\/tasks\/\?.*>; rel="next"$/),
    ]);
    expect(JSON.parse(firstPage.out[0] ?? "")).toEqual([expect.objectContaining({ id: task.id })]);

    const next = /^Link: <([^>]+)>/.exec(firstPage.err[1] ?? "")?.[1];
    const secondPage = await api("GET", next);
    expect(JSON.parse(secondPage.out[0] ?? "").map((item: { summary: string }) => item.summary)).toEqual([
      "Second task",
    ]);
    expect(secondPage.err).toEqual(["HTTP 200 OK"]);
  });

  it("fails with the error's message and code on 4xx, still printing the body", async () => {
    const missing = await api("GET", `/api/v1/tasks/${randomUUID()}/`);
    expect(missing.code).toBe(ExitCode.failure);
    expect(JSON.parse(missing.out[0] ?? "")).toMatchObject({ error: { code: "scheduler.task_not_found" } });
    expect(missing.err).toEqual([
      "HTTP 404 Not Found",
      expect.stringMatching(/^Error: .+ \(scheduler\.task_not_found\)$/),
    ]);

    const invalid = await api("POST", "/api/v1/tasks/", '{"minutes": 45}');
    expect(invalid.code).toBe(ExitCode.failure);
    expect(invalid.err).toEqual([
      "HTTP 400 Bad Request",
      expect.stringMatching(/^Error: summary: .+ \(common\.invalid_input\)$/),
    ]);
  });

  it("refuses a body that is not JSON, a bad method and a missing token before calling", async () => {
    const notJson = await api("POST", "/api/v1/tasks/", "{summary: 'x'}");
    expect(notJson.code).toBe(ExitCode.failure);
    expect(notJson.err).toEqual([expect.stringMatching(/^The body is not JSON \(.+\): \{summary: 'x'\}$/)]);

    const badMethod = await api("FETCH", "/api/v1/tasks/");
    expect(badMethod.code).toBe(ExitCode.failure);
    expect(badMethod.err).toEqual(["Usage: pnpm ac api <GET|POST|PATCH|PUT|DELETE> </api/v1/...> [json-body]"]);

    const signedOut = recordOutput();
    const code = await apiCommand({
      env: readEnv({ AGENDACRAFT_CONFIG_DIR: join(configDir, "nobody") }),
      method: "GET",
      path: "/api/v1/tasks/",
      body: undefined,
      readStdin: async () => "",
      ...signedOut,
    });
    expect(code).toBe(ExitCode.failure);
    expect(signedOut.err).toEqual(["Not signed in. Run `pnpm ac login`."]);
  });

  it("runs as `pnpm ac api` with the body from stdin (--data -)", async () => {
    const token = (await findCredentials(configDir))?.token ?? "";
    const run = await runAc(
      ["api", "POST", "/api/v1/tasks/", "--data", "-"],
      { AGENDACRAFT_URL: server.url, AGENDACRAFT_TOKEN: token, AGENDACRAFT_CONFIG_DIR: join(configDir, "unused") },
      '{"summary": "From stdin"}',
    );
    expect(run.err).toBe("HTTP 201 Created\n");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ summary: "From stdin" });

    const failed = await runAc(
      ["api", "GET", "/api/v1/tasks/not-a-uuid/"],
      { AGENDACRAFT_URL: server.url, AGENDACRAFT_TOKEN: token },
      "",
    );
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/^HTTP 400 Bad Request\nError: .+ \(common\.invalid_input\)\n$/);
  });
});
