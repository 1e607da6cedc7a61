import { resealConnectionTokens, sealFeedUrls } from "@agendacraft/domain/calendars";
import type { Db, SecretKeyring } from "@agendacraft/domain/shared";
import { ExitCode } from "../lib/exit-codes.ts";

/**
 * Re-encrypts every stored secret with the current key (SECRETS_KEY), so the keys in
 * SECRETS_PREVIOUS_KEYS can be dropped. Secrets no configured key opens are left as they
 * are and make it fail: dropping a key then would lose nothing more, but the operator
 * should know.
 */
export async function rotateCommand({
  db,
  secrets,
  print,
  printError,
}: {
  db: Db;
  secrets: SecretKeyring;
  print: (line: string) => void;
  printError: (line: string) => void;
}): Promise<ExitCode> {
  const feeds = await sealFeedUrls({ db, secrets, scope: "all" });
  print(`Calendar addresses: ${feeds.sealed} re-encrypted with key ${secrets.current.id}.`);
  const connections = await resealConnectionTokens({ db, secrets });
  if (connections.sealed > 0 || connections.unreadable > 0) {
    print(`Google connection tokens: ${connections.sealed} connection(s) re-encrypted with key ${secrets.current.id}.`);
  }
  if (feeds.unreadable === 0 && connections.unreadable === 0) {
    print("Every secret is now encrypted with the current key; SECRETS_PREVIOUS_KEYS can be emptied.");
    return ExitCode.ok;
  }
  if (feeds.unreadable > 0) {
    printError(
      `${feeds.unreadable} calendar address(es) could not be decrypted with SECRETS_KEY or SECRETS_PREVIOUS_KEYS and were left as they are. Add the key they need to SECRETS_PREVIOUS_KEYS and run this again; without it, those calendars must be added again.`,
    );
  }
  if (connections.unreadable > 0) {
    printError(
      `${connections.unreadable} Google connection(s) have tokens that could not be decrypted with SECRETS_KEY or SECRETS_PREVIOUS_KEYS and were left as they are. Add the key they need to SECRETS_PREVIOUS_KEYS and run this again; without it, those accounts must be connected again.`,
    );
  }
  return ExitCode.failure;
}
