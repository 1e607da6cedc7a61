// pnpm start: the server process. The environment is checked before the server's module
// graph (Fastify, tRPC, Prisma, pg-boss) is loaded, so a bad setting is reported at once.
import cluster from "node:cluster";
import { joinCluster } from "./cluster/cluster-worker.ts";
import { loadEnvOrExit } from "./env.ts";

const startedAt = new Date();
// First, in a worker of WEB_CONCURRENCY > 1: the primary's shutdown request may come at any time.
const clusterWorker = joinCluster();
const env = loadEnvOrExit();
if (cluster.isPrimary && env.WEB_CONCURRENCY > 1 && env.DATABASE_URL) {
  // The embedded database is one session inside one process: without DATABASE_URL the server
  // stays a single process (start-server.ts says so).
  const { startCluster } = await import("./cluster/start-cluster.ts");
  await startCluster(env);
} else {
  const { startServer } = await import("./start-server.ts");
  await startServer(env, startedAt, clusterWorker);
}
