// pnpm worker — runs the job workers as their own process, without HTTP, for deployments
// with several servers (set WORKER=off on those). Same configuration as the server; it is
// checked before the worker's module graph is loaded, so a bad setting is reported at once.
import { loadEnvOrExit } from "./env.ts";

const env = loadEnvOrExit();
if (!env.DATABASE_URL) {
  // The embedded database lives inside the server process and takes no second one.
  console.error(
    "pnpm worker needs DATABASE_URL: the embedded database belongs to the server, which runs the workers itself (WORKER=inline).",
  );
  process.exit(1);
}
const { startWorker } = await import("./start-worker.ts");
await startWorker(env);
