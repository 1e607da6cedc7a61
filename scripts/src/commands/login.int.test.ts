import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useTestDatabase } from "@agendacraft/db/testing";
import type { TestServer } from "@agendacraft/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { credentialsPath, findCredentials, saveCredentials } from "../lib/credentials-store.ts";
import { readEnv } from "../lib/env.ts";
import { ExitCode } from "../lib/exit-codes.ts";
import { recordOutput } from "../testing/record-output.ts";
import { startPublicTestServer } from "../testing/start-public-test-server.ts";
import { unusedPort } from "../testing/unused-port.ts";
import { type LoginPrompts, loginCommand } from "./login.ts";
import { logoutCommand } from "./logout.ts";
import { whoamiCommand } from "./whoami.ts";

const NAME = "Ada Lovelace";
const EMAIL = "ada@example.com";
const PASSWORD = "correct horse battery staple";

const database = useTestDatabase();

/** Answers the password prompt; the email always comes from the option in these tests. */
function answering(password: string): LoginPrompts {
  return {
    email: () => Promise.reject(new Error("the email should come from the option")),
    password: () => Promise.resolve(password),
  };
}

describe("ac login, whoami and logout against the real server", () => {
  let server: TestServer & { directUrl: string };
  let userId: string;
  const tempDirs: string[] = [];

  async function tempConfigDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "ac-login-"));
    tempDirs.push(dir);
    return dir;
  }

  function login(configDir: string, options: { password?: string; tokenName?: string; expiresInDays?: number } = {}) {
    const output = recordOutput();
    const run = loginCommand({
      baseUrl: server.url,
      configDir,
      email: EMAIL,
      tokenName: options.tokenName,
      expiresInDays: options.expiresInDays,
      prompts: answering(options.password ?? PASSWORD),
      hostname: "test-host",
      ...output,
    });
    return run.then((code) => ({ code, ...output }));
  }

  beforeAll(async () => {
    server = await startPublicTestServer({ db: database().prisma });
    // No Origin header: better-auth only checks it on requests that carry a cookie.
    const response = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: NAME, email: EMAIL, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    userId = ((await response.json()) as { user: { id: string } }).user.id;
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("saves a token, shows whose it is, and revokes it on logout", async () => {
    const configDir = await tempConfigDir();
    const path = credentialsPath(configDir);
    const sessionsBefore = await database().prisma.session.count({ where: { userId } });

    const loggedIn = await login(configDir);
    expect(loggedIn.err).toEqual([]);
    expect(loggedIn.out).toEqual([`Signed in as ${NAME} <${EMAIL}>. Token "ac on test-host" saved to ${path}.`]);
    expect(loggedIn.code).toBe(ExitCode.ok);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const saved = await findCredentials(configDir);
    expect(saved).toMatchObject({ url: server.url, email: EMAIL });
    expect(saved?.token).toMatch(/^act_/);
    // Only the token is kept: the session that created it has been signed out again.
    expect(await database().prisma.session.count({ where: { userId } })).toBe(sessionsBefore);

    const env = readEnv({ AGENDACRAFT_CONFIG_DIR: configDir });
    const who = recordOutput();
    expect(await whoamiCommand({ env, ...who })).toBe(ExitCode.ok);
    expect(who.err).toEqual([]);
    expect(who.out).toEqual([
      `${NAME} <${EMAIL}>`,
      `  Server     ${server.url}`,
      "  Time zone  UTC",
      `  Token      ${saved?.token.slice(0, 12)}… saved in ${path}`,
    ]);

    const loggedOut = recordOutput();
    expect(await logoutCommand({ env, ...loggedOut })).toBe(ExitCode.ok);
    expect(loggedOut.out).toEqual([`Signed out ${EMAIL}: token revoked and ${path} deleted.`]);
    expect(await findCredentials(configDir)).toBeNull();

    const signedOut = recordOutput();
    expect(await whoamiCommand({ env, ...signedOut })).toBe(ExitCode.failure);
    expect(signedOut.err).toEqual(["Not signed in. Run `pnpm ac login`."]);

    // The old secret, put back where `ac login` keeps it, is refused by the server.
    if (!saved) throw new Error("expected saved credentials");
    await saveCredentials(configDir, saved);
    const revoked = recordOutput();
    expect(await whoamiCommand({ env, ...revoked })).toBe(ExitCode.failure);
    expect(revoked.err).toEqual(["The saved token no longer works (revoked or expired). Run `pnpm ac login` again."]);

    const again = recordOutput();
    expect(await logoutCommand({ env, ...again })).toBe(ExitCode.ok);
    expect(again.out).toEqual([`Signed out ${EMAIL}: the token was already revoked or expired; ${path} deleted.`]);
  });

  it("says to use the server's PUBLIC_URL when reached at another address", async () => {
    const configDir = await tempConfigDir();
    const output = recordOutput();

    // The server's own listening address: sign-in then names an origin the server does not trust.
    const code = await loginCommand({
      baseUrl: server.directUrl,
      configDir,
      email: EMAIL,
      prompts: answering(PASSWORD),
      ...output,
    });

    expect(code).toBe(ExitCode.failure);
    expect(output.err).toEqual([
      "Sign-in failed: This request came from another site and was refused (HTTP 403). " +
        "The server accepts sign-in only at its PUBLIC_URL; set AGENDACRAFT_URL to that address.",
    ]);
    expect(await findCredentials(configDir)).toBeNull();
  });

  it("names the token and lets it expire as asked", async () => {
    const configDir = await tempConfigDir();
    const { code, out } = await login(configDir, { tokenName: "nightly backup", expiresInDays: 30 });
    expect(code).toBe(ExitCode.ok);
    expect(out[0]).toContain('Token "nightly backup" saved to');

    const saved = await findCredentials(configDir);
    const token = await database().prisma.apiToken.findUniqueOrThrow({ where: { id: saved?.tokenId ?? "" } });
    expect(token.name).toBe("nightly backup");
    // The test server's clock is fixed at 2026-06-01T09:00:00Z.
    expect(token.expiresAt?.toISOString()).toBe("2026-07-01T09:00:00.000Z");
  });

  it("prefers AGENDACRAFT_TOKEN over saved credentials and says so", async () => {
    const withToken = await tempConfigDir();
    await login(withToken);
    const secret = (await findCredentials(withToken))?.token ?? "";

    const env = readEnv({
      AGENDACRAFT_URL: server.url,
      AGENDACRAFT_TOKEN: secret,
      AGENDACRAFT_CONFIG_DIR: await tempConfigDir(),
    });
    const who = recordOutput();
    expect(await whoamiCommand({ env, ...who })).toBe(ExitCode.ok);
    expect(who.out.at(-1)).toBe(`  Token      ${secret.slice(0, 12)}… from AGENDACRAFT_TOKEN`);

    const refused = recordOutput();
    const badEnv = { ...env, token: "act_not-a-real-token" };
    expect(await whoamiCommand({ env: badEnv, ...refused })).toBe(ExitCode.failure);
    expect(refused.err).toEqual(["AGENDACRAFT_TOKEN is not accepted by the server (revoked, expired or mistyped)."]);
  });

  it("says the password is wrong and saves nothing", async () => {
    const configDir = join(await tempConfigDir(), "agendacraft");
    const { code, out, err } = await login(configDir, { password: "not the password" });
    expect(code).toBe(ExitCode.failure);
    expect(out).toEqual([]);
    expect(err).toEqual(["Email or password is not correct."]);
    await expect(stat(configDir)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("gives the wait from Retry-After when sign-in is rate limited", async () => {
    // Its own email address, so the attempts here do not use up the other tests' budget.
    const strict = await startPublicTestServer({ db: database().prisma, env: { AUTH_RATE_LIMIT_PER_EMAIL: "1" } });
    try {
      const attempt = async () => {
        const output = recordOutput();
        const code = await loginCommand({
          baseUrl: strict.url,
          configDir: await tempConfigDir(),
          email: "limited@example.com",
          prompts: answering("wrong password, twice"),
          ...output,
        });
        return { code, ...output };
      };
      expect((await attempt()).err).toEqual(["Email or password is not correct."]);
      const limited = await attempt();
      expect(limited.code).toBe(ExitCode.failure);
      expect(limited.err).toHaveLength(1);
      expect(limited.err[0]).toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
    } finally {
      await strict.close();
    }
  });

  it("revokes the new token again when the credentials cannot be saved", async () => {
    const blocker = join(await tempConfigDir(), "a-file");
    await writeFile(blocker, "");
    const tokensBefore = await database().prisma.apiToken.count({ where: { userId } });

    const { code, out, err } = await login(join(blocker, "agendacraft"));

    expect(code).toBe(ExitCode.failure);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^Could not save the credentials in .*a-file\/agendacraft: /);
    expect(await database().prisma.apiToken.count({ where: { userId } })).toBe(tokensBefore);
  });

  it("explains an unreachable server like `ac health` does", async () => {
    const baseUrl = `http://127.0.0.1:${await unusedPort()}`;
    const output = recordOutput();
    const code = await loginCommand({
      baseUrl,
      configDir: await tempConfigDir(),
      email: EMAIL,
      prompts: answering(PASSWORD),
      ...output,
    });
    expect(code).toBe(ExitCode.failure);
    expect(output.err).toEqual([
      `Cannot reach AgendaCraft at ${baseUrl} (connection refused). Is the server running? Start it with \`pnpm start\`.`,
    ]);
  });
});
