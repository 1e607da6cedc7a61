import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "@agendacraft/db/client";
import { createDatabase } from "@agendacraft/db/client";
import {
  createDurableStorage,
  createTestDatabase,
  type DurableStorage,
  type TestDatabase,
} from "@agendacraft/db/testing";
import {
  openAccessToken,
  openFeedUrl,
  openRefreshToken,
  sealAccessToken,
  sealFeedUrl,
  sealRefreshToken,
} from "@agendacraft/domain/calendars";
import { getAuthSecret } from "@agendacraft/domain/iam";
import {
  createSecretKeyring,
  loadSecretKeyring,
  SECRET_KEY_BYTES,
  type SecretKeyring,
  sealedSecretKeyId,
} from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordOutput } from "../testing/record-output.ts";
import { rotateCommand } from "./rotate-command.ts";

const ENTRY = fileURLToPath(new URL("./secrets.ts", import.meta.url));
const SCRIPTS_DIR = fileURLToPath(new URL("../../", import.meta.url));
const keyA = Buffer.alloc(SECRET_KEY_BYTES, 0xa);
const keyB = Buffer.alloc(SECRET_KEY_BYTES, 0xb);
const keyC = Buffer.alloc(SECRET_KEY_BYTES, 0xc);

function runSecrets(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", ENTRY, ...args],
      { cwd: SCRIPTS_DIR, env: { PATH: process.env.PATH ?? "", CHECKPOINT_DISABLE: "1", ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr });
      },
    );
  });
}

/** A feed row whose address is sealed with `secrets`, or stored in plaintext the way it was before. */
async function insertFeed(prisma: PrismaClient, url: string, secrets: SecretKeyring | "plaintext"): Promise<string> {
  const user = await prisma.user.create({
    data: { name: "Ada", email: `ada-${Math.random().toString(36).slice(2)}@example.com` },
  });
  const feed = await prisma.calendarFeed.create({
    data: { userId: user.id, name: "Work", url: secrets === "plaintext" ? url : sealFeedUrl(secrets, url) },
  });
  return feed.id;
}

async function storedUrls(prisma: PrismaClient, ids: string[]): Promise<string[]> {
  const rows = await prisma.calendarFeed.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  return rows.map((row) => row.url);
}

describe("rotateCommand", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("re-encrypts every address with the new key, then fails on one no configured key opens", async () => {
    const { prisma } = database;
    const ids = [
      await insertFeed(
        prisma,
        "https://calendar.example.com/a/private-1/basic.ics",
        createSecretKeyring({ current: keyA }),
      ),
      await insertFeed(prisma, "https://calendar.example.com/b/private-2/basic.ics", "plaintext"),
    ];
    const rotating = createSecretKeyring({ current: keyB, previous: [keyA] });
    const output = recordOutput();
    expect(await rotateCommand({ db: prisma, secrets: rotating, ...output })).toBe(0);
    expect(output.out).toEqual([
      `Calendar addresses: 2 re-encrypted with key ${rotating.current.id}.`,
      "Every secret is now encrypted with the current key; SECRETS_PREVIOUS_KEYS can be emptied.",
    ]);
    const onlyB = createSecretKeyring({ current: keyB });
    const stored = await storedUrls(prisma, ids);
    expect(stored.map(sealedSecretKeyId)).toEqual([onlyB.current.id, onlyB.current.id]);
    expect(stored.map((url) => openFeedUrl(onlyB, url))).toEqual([
      "https://calendar.example.com/a/private-1/basic.ics",
      "https://calendar.example.com/b/private-2/basic.ics",
    ]);

    await insertFeed(
      prisma,
      "https://calendar.example.com/c/private-3/basic.ics",
      createSecretKeyring({ current: keyC }),
    );
    const failed = recordOutput();
    expect(await rotateCommand({ db: prisma, secrets: onlyB, ...failed })).toBe(1);
    expect(failed.out).toEqual([`Calendar addresses: 0 re-encrypted with key ${onlyB.current.id}.`]);
    expect(failed.err[0]).toMatch(/^1 calendar address\(es\) could not be decrypted/);
  });
});

describe("rotateCommand with Google connections", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("re-encrypts the access and refresh tokens with the new key, and names connections no key opens", async () => {
    const { prisma } = database;
    const user = await prisma.user.create({ data: { name: "Ada", email: `ada-${Date.now()}@example.com` } });
    const oldKeys = createSecretKeyring({ current: keyA });
    const connection = await prisma.calendarConnection.create({
      data: {
        userId: user.id,
        externalAccountId: "sub-1",
        email: "ada@gmail.com",
        name: "ada@gmail.com",
        accessToken: sealAccessToken(oldKeys, "access-1"),
        refreshToken: sealRefreshToken(oldKeys, "refresh-1"),
      },
    });
    const rotating = createSecretKeyring({ current: keyB, previous: [keyA] });
    const output = recordOutput();
    expect(await rotateCommand({ db: prisma, secrets: rotating, ...output })).toBe(0);
    expect(output.out).toContain(
      `Google connection tokens: 1 connection(s) re-encrypted with key ${rotating.current.id}.`,
    );
    const onlyB = createSecretKeyring({ current: keyB });
    const stored = await prisma.calendarConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(openAccessToken(onlyB, stored.accessToken ?? "")).toBe("access-1");
    expect(openRefreshToken(onlyB, stored.refreshToken ?? "")).toBe("refresh-1");

    await prisma.calendarConnection.create({
      data: {
        userId: user.id,
        externalAccountId: "sub-2",
        email: "ada2@gmail.com",
        name: "ada2@gmail.com",
        accessToken: null,
        refreshToken: sealRefreshToken(createSecretKeyring({ current: keyC }), "refresh-2"),
      },
    });
    const failed = recordOutput();
    expect(await rotateCommand({ db: prisma, secrets: onlyB, ...failed })).toBe(1);
    expect(failed.err).toEqual([
      expect.stringMatching(/^1 Google connection\(s\) have tokens that could not be decrypted/),
    ]);
  });
});

describe("pnpm secrets", () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: TestDatabase | undefined;
  let storage: DurableStorage | undefined;
  let env: Record<string, string>;
  let feedId: string;

  /** Opens the database the script works on; on the embedded one only while the script is not running. */
  async function withDatabase<T>(work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
    if (database) return work(database.prisma);
    const db = await createDatabase({ dataDir: env.DATA_DIR, migrate: true });
    try {
      return await work(db.prisma);
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    if (serverUrl) {
      database = await createTestDatabase();
      env = { DATABASE_URL: database.url };
    } else {
      // Migrated already, as after the server's first start: the script opens it as it is.
      storage = await createDurableStorage({ migrated: true });
      env = storage.env;
    }
    // Sealed the way a server without SECRETS_KEY seals: with the key derived from the stored auth secret.
    feedId = await withDatabase(async (prisma) => {
      const derived = loadSecretKeyring({ configured: undefined, authSecret: await getAuthSecret({ db: prisma }) });
      return insertFeed(prisma, "https://calendar.example.com/d/private-4/basic.ics", derived);
    });
  });
  afterAll(async () => {
    await database?.close();
    await storage?.dispose();
  });

  it("refuses a malformed key by its name, without echoing it", async () => {
    const result = await runSecrets(["rotate"], { ...env, SECRETS_KEY: "hunter2-not-a-key" });
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      "secrets: Invalid environment variable SECRETS_KEY: must be 32 random bytes in base64",
    );
    expect(result.err).not.toContain("hunter2");
  });

  // Two starts of the embedded database, on a loaded machine: more than the default 30 s.
  it("moves the quick start's derived key to SECRETS_KEY: the documented rotation", { timeout: 120_000 }, async () => {
    const result = await runSecrets(["rotate"], { ...env, SECRETS_KEY: keyB.toString("base64") });
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const onlyB = createSecretKeyring({ current: keyB });
    expect(result.out).toContain(`Calendar addresses: 1 re-encrypted with key ${onlyB.current.id}.`);
    const [stored = ""] = await withDatabase((prisma) => storedUrls(prisma, [feedId]));
    expect(openFeedUrl(onlyB, stored)).toBe("https://calendar.example.com/d/private-4/basic.ics");
  });
});
