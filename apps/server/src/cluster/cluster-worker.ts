import cluster from "node:cluster";

/** What the primary sends a worker to stop it: finish in-flight requests, then exit. */
export const SHUTDOWN_MESSAGE = "agendacraft:shutdown";

/** This process's place in a WEB_CONCURRENCY cluster. */
export type ClusterWorker = {
  id: number;
  /** Hand it the graceful stop once there is one; it runs at once if the primary asked already. */
  onShutdownRequest(stop: () => void): void;
};

/**
 * In a cluster worker: starts listening for the primary's shutdown request at once (a message
 * sent while the server is still starting is kept, not lost) and says which worker this is.
 * Undefined when this process is the only server process.
 *
 * A message, not a signal: a Ctrl-C in a terminal already sends SIGINT to every process of the
 * group, and a second signal makes close-with-grace exit at once instead of finishing requests.
 */
export function joinCluster(): ClusterWorker | undefined {
  if (!cluster.isWorker || !cluster.worker) return undefined;
  let requested = false;
  let stop: (() => void) | undefined;
  process.on("message", (message) => {
    if (message !== SHUTDOWN_MESSAGE || requested) return;
    requested = true;
    stop?.();
  });
  return {
    id: cluster.worker.id,
    onShutdownRequest(handler) {
      stop = handler;
      if (requested) handler();
    },
  };
}
