import { hostname as osHostname } from "node:os";
import { createAgendaCraftClient } from "@agendacraft/client";
import { cannotReachMessage } from "../lib/cannot-reach-message.ts";
import { saveCredentials } from "../lib/credentials-store.ts";
import { describeConnectionError } from "../lib/describe-connection-error.ts";
import { errorMessage } from "../lib/error-message.ts";
import { ExitCode } from "../lib/exit-codes.ts";
import { fetchWithTimeout } from "../lib/fetch-with-timeout.ts";
import { type SignInResult, signInWithPassword } from "../lib/password-sign-in.ts";
import { signOutSession } from "../lib/sign-out-session.ts";

const DEFAULT_TIMEOUT_MS = 10_000;

/** Refusals that mean the CLI reached the server at another address than its PUBLIC_URL. */
const ORIGIN_REFUSED = new Set(["iam.cross_site_request", "INVALID_ORIGIN", "MISSING_OR_NULL_ORIGIN"]);

/** How the command gets what the user types; tests pass answers, the CLI a terminal. */
export type LoginPrompts = {
  /** Asked only when no email was passed. */
  email(): Promise<string>;
  password(): Promise<string>;
};

export type LoginCommandOptions = {
  /** The server's base URL without a trailing slash, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** Where credentials.json is written. */
  configDir: string;
  email?: string | undefined;
  /** Defaults to `ac on <hostname>`, so the token list in the web app says where each one lives. */
  tokenName?: string | undefined;
  /** Omitted: the token does not expire. */
  expiresInDays?: number | undefined;
  prompts: LoginPrompts;
  hostname?: string;
  print: (line: string) => void;
  /** Where failures and warnings go; defaults to `print`. */
  printError?: (line: string) => void;
  timeoutMs?: number;
};

/**
 * `ac login`: signs in with email and password, turns the session into a personal API
 * token, and ends the session again, so only the token (revocable on its own) is kept.
 */
export async function loginCommand({
  baseUrl,
  configDir,
  email: givenEmail,
  tokenName,
  expiresInDays,
  prompts,
  hostname = osHostname(),
  print,
  printError = print,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: LoginCommandOptions): Promise<ExitCode> {
  const email = (givenEmail ?? (await prompts.email())).trim();
  if (!email) {
    printError("Enter an email address.");
    return ExitCode.failure;
  }
  const password = await prompts.password();
  if (!password) {
    printError("Enter a password.");
    return ExitCode.failure;
  }

  const fetch = fetchWithTimeout(timeoutMs);
  let signIn: SignInResult;
  try {
    signIn = await signInWithPassword({ baseUrl, email, password, fetch });
  } catch (error) {
    printError(unexpected(baseUrl, "sign-in", error));
    return ExitCode.failure;
  }
  if (signIn.kind !== "signed-in") {
    printError(signInFailure(signIn));
    return ExitCode.failure;
  }

  const name = tokenName ?? `ac on ${hostname}`;
  const session = createAgendaCraftClient({ url: `${baseUrl}/trpc`, headers: { cookie: signIn.cookie }, fetch });
  let outcome: { saved: string; who: string } | { error: string };
  try {
    // Settled separately: a failing `me` must not lose a token that was already created.
    const [me, created] = await Promise.allSettled([
      session.iam.me.query(),
      session.iam.tokens.create.mutate({ name, ...(expiresInDays === undefined ? {} : { expiresInDays }) }),
    ]);
    if (created.status === "rejected") {
      outcome = { error: unexpected(baseUrl, "iam.tokens.create", created.reason) };
    } else {
      const user = me.status === "fulfilled" ? me.value : null;
      const { token, secret } = created.value;
      try {
        const saved = await saveCredentials(configDir, {
          url: baseUrl,
          token: secret,
          tokenId: token.id,
          email: user?.email ?? email,
        });
        outcome = { saved, who: user ? `${user.name} <${user.email}>` : email };
      } catch (error) {
        // Nobody could ever use or find this token again; the session can still remove it.
        await session.iam.tokens.revoke.mutate({ id: token.id }).catch(() => undefined);
        outcome = { error: `Could not save the credentials in ${configDir}: ${errorMessage(error)}` };
      }
    }
  } finally {
    const warning = await endSession(baseUrl, signIn.cookie, fetch);
    if (warning) printError(warning);
  }

  if ("error" in outcome) {
    printError(outcome.error);
    return ExitCode.failure;
  }
  print(`Signed in as ${outcome.who}. Token "${name}" saved to ${outcome.saved}.`);
  return ExitCode.ok;
}

function signInFailure(result: Exclude<SignInResult, { kind: "signed-in" }>): string {
  switch (result.kind) {
    case "invalid-credentials":
      return "Email or password is not correct.";
    case "rate-limited":
      return result.retryAfterSeconds === null
        ? "Too many sign-in attempts. Try again later."
        : `Too many sign-in attempts. Try again in ${result.retryAfterSeconds} seconds.`;
    case "rejected": {
      const failed = `Sign-in failed: ${result.message.replace(/\.$/, "")} (HTTP ${result.status}).`;
      return result.code !== null && ORIGIN_REFUSED.has(result.code)
        ? `${failed} The server accepts sign-in only at its PUBLIC_URL; set AGENDACRAFT_URL to that address.`
        : failed;
    }
  }
}

/** Null once the session has ended; otherwise a warning, since login succeeds or fails on the token alone. */
async function endSession(baseUrl: string, cookie: string, fetch: typeof globalThis.fetch): Promise<string | null> {
  let reason: string;
  try {
    const result = await signOutSession({ baseUrl, cookie, fetch });
    if (result.ok) return null;
    reason = result.reason;
  } catch (error) {
    reason = describeConnectionError(error) ?? errorMessage(error);
  }
  return `Warning: could not end the sign-in session (${reason}). It stays valid until it expires or you sign out everywhere.`;
}

function unexpected(baseUrl: string, step: string, error: unknown): string {
  const reason = describeConnectionError(error);
  return reason
    ? cannotReachMessage(baseUrl, reason)
    : `AgendaCraft at ${baseUrl} answered, but ${step} failed: ${errorMessage(error)}`;
}
