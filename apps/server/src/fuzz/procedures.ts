import { appRouter } from "@agendacraft/api";

export type ProcedureType = "query" | "mutation" | "subscription";

export type FuzzProcedure = {
  path: string;
  type: ProcedureType;
  /** The zod input schema (tRPC keeps one per `.input()`; ours have at most one). */
  input: unknown;
  /**
   * Only inputs that fail validation, encoded plainly (no transport tricks that could turn
   * them into `undefined`), because a valid call would stop the fuzzing as a whole:
   * - iam.signOutEverywhere ends every browser session of the person, the fuzzer's included.
   * - notifier.notifications.onNew opens a server-sent event stream that stays open.
   * Not listed, on purpose: iam.deleteAccount and iam.changePassword need the password,
   * which no generator knows (it is random per run), so they are fuzzed freely and always
   * fail; iam.tokens.revoke cannot sign the fuzzer out because it signs in by cookie.
   */
  failingOnly: boolean;
};

const FAILING_ONLY = new Set(["iam.signOutEverywhere", "notifier.notifications.onNew"]);

type RawProcedure = { _def: { type: ProcedureType; inputs: unknown[] } };

/** Every procedure of the app, read from the router itself so a new one is fuzzed without a change here. */
export function listProcedures(): FuzzProcedure[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, RawProcedure>;
  return Object.entries(procedures).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    input: procedure._def.inputs[0],
    failingOnly: FAILING_ONLY.has(path),
  }));
}

/**
 * Inputs their schemas refuse (`z.void()`; an optional object with a string of at most 100).
 * Should a schema start accepting one, the fuzz notices: signed out, or a stream past the timeout.
 */
export const FAILING_INPUTS: Record<string, unknown[]> = {
  "iam.signOutEverywhere": [1, "x", {}, [], null, true, { revoke: "all" }],
  "notifier.notifications.onNew": [1, "x", [], true, null, { lastEventId: 5 }, { lastEventId: "x".repeat(101) }],
};
