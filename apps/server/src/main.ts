// pnpm start: the server process. The environment is checked before the server's module
// graph (Fastify, tRPC, Prisma, pg-boss) is loaded, so a bad setting is reported at once.
import { loadEnvOrExit } from "./env.ts";

const startedAt = new Date();
const env = loadEnvOrExit();
const { startServer } = await import("./start-server.ts");
await startServer(env, startedAt);
