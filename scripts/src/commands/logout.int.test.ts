import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { credentialsPath, findCredentials, saveCredentials } from "../lib/credentials-store.ts";
import { readEnv } from "../lib/env.ts";
import { ExitCode } from "../lib/exit-codes.ts";
import { recordOutput } from "../testing/record-output.ts";
import { unusedPort } from "../testing/unused-port.ts";
import { logoutCommand } from "./logout.ts";

describe("ac logout without a server", () => {
  let configDir: string;
  beforeEach(async () => {
    configDir = await mkdtemp(join(tmpdir(), "ac-logout-"));
  });
  afterEach(async () => {
    await rm(configDir, { recursive: true, force: true });
  });

  it("still deletes the saved token, but exits 1 and says it was not revoked", async () => {
    const url = `http://127.0.0.1:${await unusedPort()}`;
    await saveCredentials(configDir, {
      url,
      token: "act_dStelbDDnD302VNyBuLnjeqDn0klkqPFYTQXrdN3GOQ",
      tokenId: "01a2190b-a1d9-70ff-be32-eb27af482b36",
      email: "ada@example.com",
    });
    const output = recordOutput();

    const code = await logoutCommand({ env: readEnv({ AGENDACRAFT_CONFIG_DIR: configDir }), ...output });

    expect(code).toBe(ExitCode.failure);
    expect(await findCredentials(configDir)).toBeNull();
    expect(output.out).toEqual([]);
    expect(output.err).toEqual([
      `Cannot reach AgendaCraft at ${url} (connection refused). Is the server running? Start it with \`pnpm start\`.`,
      `The token could not be revoked. ${credentialsPath(configDir)} was deleted anyway, but the token (act_dStelbDD…) keeps working until you revoke it in the web app's settings.`,
    ]);
  });

  it("succeeds when nobody is signed in, and points at AGENDACRAFT_TOKEN when that is what whoami uses", async () => {
    const output = recordOutput();
    const env = readEnv({ AGENDACRAFT_CONFIG_DIR: configDir, AGENDACRAFT_TOKEN: "act_from_ci" });
    expect(await logoutCommand({ env, ...output })).toBe(ExitCode.ok);
    expect(output.out).toEqual([
      "Not signed in; nothing to do.",
      "AGENDACRAFT_TOKEN is set in the environment; `ac logout` only removes saved credentials.",
    ]);
  });
});
