import type { TodoistStatus } from "./todoist-types.ts";

/** How often the status is read while a run is going: often enough for a progress bar to move. */
export const TODOIST_POLL_MS = 1_000;

/**
 * After connecting (here, through Todoist's page, or from another tab) the first import is
 * queued, not yet running: from then, or from opening the page, the status is watched this long
 * for it to start (or finish, on a small account). A worker that never picks it up does not
 * leave the page polling for ever.
 */
export const AFTER_CONNECT_WATCH_MS = 120_000;

/** Whether the first run after connecting has not shown up in the status yet. */
const awaitingFirstRun = (status: TodoistStatus) =>
  status.connected && status.running === null && status.lastSyncedAt === null && status.lastError === null;

type PollState = {
  /** "Sync now" is waiting for todoist.sync() to answer. */
  syncing: boolean;
  /** Until when a queued first import is watched for (ms since the epoch). */
  watchUntil: number;
  now: number;
};

/**
 * How often to read todoist.status: every second while a run goes, while "Sync now" waits, and
 * while a first import is awaited; otherwise never (false): an idle card costs no requests.
 */
export function todoistPollInterval(status: TodoistStatus | undefined, { syncing, watchUntil, now }: PollState) {
  if (syncing || status?.running) return TODOIST_POLL_MS;
  if (status && now < watchUntil && awaitingFirstRun(status)) return TODOIST_POLL_MS;
  return false;
}
