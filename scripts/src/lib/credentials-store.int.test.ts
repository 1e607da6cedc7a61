import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type Credentials,
  credentialsPath,
  deleteCredentials,
  findCredentials,
  saveCredentials,
} from "./credentials-store.ts";

const credentials: Credentials = {
  url: "http://localhost:3000",
  token: "act_dStelbDDnD302VNyBuLnjeqDn0klkqPFYTQXrdN3GOQ",
  tokenId: "01a2190b-a1d9-70ff-be32-eb27af482b36",
  email: "ada@example.com",
};

// Real files in a temporary directory: file modes are what is being tested.
describe("credentials store", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "ac-credentials-"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("round-trips the credentials in a file only the owner can read, in a directory only the owner can open", async () => {
    const configDir = join(root, "config", "agendacraft");
    const path = await saveCredentials(configDir, credentials);

    expect(path).toBe(credentialsPath(configDir));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(configDir)).mode & 0o777).toBe(0o700);
    expect(await findCredentials(configDir)).toEqual(credentials);
  });

  it("replaces earlier credentials and leaves no temporary files behind", async () => {
    await saveCredentials(root, credentials);
    await saveCredentials(root, { ...credentials, email: "grace@example.com" });

    expect((await findCredentials(root))?.email).toBe("grace@example.com");
    expect(JSON.parse(await readFile(credentialsPath(root), "utf8"))).toEqual({
      ...credentials,
      email: "grace@example.com",
    });
    expect(await readdir(root)).toEqual(["credentials.json"]);
  });

  it("finds nothing when no file exists, and deleting then reports false", async () => {
    expect(await findCredentials(join(root, "missing"))).toBeNull();
    expect(await deleteCredentials(join(root, "missing"))).toBe(false);
  });

  it("deletes the file", async () => {
    await saveCredentials(root, credentials);
    expect(await deleteCredentials(root)).toBe(true);
    expect(await findCredentials(root)).toBeNull();
  });

  it("rejects a damaged file with a message naming it, instead of treating it as signed out", async () => {
    await writeFile(credentialsPath(root), '{"url":"http://localhost:3000","token":""}');
    await expect(findCredentials(root)).rejects.toThrow(`${credentialsPath(root)} is not a valid credentials file`);
    await writeFile(credentialsPath(root), "not json");
    await expect(findCredentials(root)).rejects.toThrow("is not a valid credentials file");
  });
});
