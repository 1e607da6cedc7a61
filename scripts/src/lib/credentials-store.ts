import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** What `ac login` keeps: the API token and enough to find and revoke it again. */
export type Credentials = {
  /** The server's base URL the token belongs to. */
  url: string;
  /** The token secret (`act_...`). */
  token: string;
  /** The token's id, so `ac logout` can revoke exactly this token. */
  tokenId: string;
  email: string;
};

const FIELDS = ["url", "token", "tokenId", "email"] as const;

export function credentialsPath(configDir: string): string {
  return join(configDir, "credentials.json");
}

/** The saved credentials, or null when nobody is signed in. A damaged file is an error, not "signed out". */
export async function findCredentials(configDir: string): Promise<Credentials | null> {
  const path = credentialsPath(configDir);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const damaged = new Error(`${path} is not a valid credentials file. Delete it and run \`pnpm ac login\`.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw damaged;
  }
  if (typeof parsed !== "object" || parsed === null) throw damaged;
  const record = parsed as Record<string, unknown>;
  const credentials: Partial<Credentials> = {};
  for (const field of FIELDS) {
    const value = record[field];
    if (typeof value !== "string" || value === "") throw damaged;
    credentials[field] = value;
  }
  return credentials as Credentials;
}

/**
 * Writes the file readable by its owner only (the token acts as the user), inside a
 * directory only the owner can list. The write goes to a temporary file that is then
 * renamed, so a crash never leaves half a file where the old credentials were.
 */
export async function saveCredentials(configDir: string, credentials: Credentials): Promise<string> {
  const path = credentialsPath(configDir);
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    const { url, token, tokenId, email } = credentials;
    await writeFile(temporary, `${JSON.stringify({ url, token, tokenId, email }, null, 2)}\n`, {
      mode: 0o600,
      flag: "wx",
    });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return path;
}

/** Removes the saved credentials; false when there were none. */
export async function deleteCredentials(configDir: string): Promise<boolean> {
  try {
    await rm(credentialsPath(configDir));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
