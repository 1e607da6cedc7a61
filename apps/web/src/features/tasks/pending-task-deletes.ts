/**
 * Tasks the person deleted whose delete is not final yet. While the undo toast shows, a
 * task is "waiting" (hidden, nothing sent); once the toast closes without Undo it is
 * "sending" (still hidden until the list is fetched again without it).
 *
 * It lives outside React so a task stays hidden when its page unmounts and mounts again
 * (navigating away and back) while its toast is still open; the toast outlives the page.
 */
type Pending = { state: "waiting" | "sending"; send: () => void };

const pending = new Map<string, Pending>();
const listeners = new Set<() => void>();
let hidden: ReadonlySet<string> = new Set();
let unloadListenerAdded = false;

function changed() {
  hidden = new Set(pending.keys());
  for (const listener of listeners) listener();
}

/**
 * Leaving the page (closing the tab, reloading) ends the undo window too, so waiting deletes
 * are sent then. Best effort: a browser may drop requests of a page that is going away, in
 * which case the task simply stays, the safe side.
 */
function addUnloadListener() {
  if (unloadListenerAdded || typeof window === "undefined") return;
  unloadListenerAdded = true;
  window.addEventListener("pagehide", () => {
    for (const id of [...pending.keys()]) sendPendingDelete(id);
  });
}

/** Hides the task and remembers how to delete it for real when the undo window closes. */
export function holdPendingDelete(id: string, send: () => void) {
  addUnloadListener();
  pending.set(id, { state: "waiting", send });
  changed();
}

/** Undo: shows the task again; only possible while nothing was sent. */
export function undoPendingDelete(id: string) {
  if (pending.get(id)?.state !== "waiting") return;
  pending.delete(id);
  changed();
}

/** The undo window closed: send the delete, once. */
export function sendPendingDelete(id: string) {
  const entry = pending.get(id);
  if (entry?.state !== "waiting") return;
  entry.state = "sending";
  entry.send();
}

/** The delete is over (done and refetched, or refused): stop hiding the task. */
export function releasePendingDelete(id: string) {
  if (!pending.delete(id)) return;
  changed();
}

export function subscribePendingDeletes(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Ids to leave out of task lists; a new Set on every change, so React sees the change. */
export function hiddenTaskIds(): ReadonlySet<string> {
  return hidden;
}
