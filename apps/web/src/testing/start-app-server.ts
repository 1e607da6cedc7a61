import { createDurableStorage } from "@agendacraft/db/testing";
import { spawnServer } from "@agendacraft/server/testing/spawn-server";

export type AppServer = { url: string; close(): Promise<void> };

/**
 * The real server process (`pnpm start` without turbo) on a new embedded database in a temp
 * folder (migrated already, as after a first start), with its job worker and live
 * notifications, for the web's component and browser tests. Extra env (SMTP_URL,
 * WEB_DIST_DIR, ...) is passed through.
 */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const storage = await createDurableStorage({ migrated: true });
  const server = spawnServer({
    ...storage.env,
    AUTH_SECRET: "web-tests-secret-at-least-32-characters-long",
    PUBLIC_URL: "http://localhost:3000",
    // Every test signs up its own person from one address; the limits have their own tests.
    AUTH_RATE_LIMIT_PER_IP: "100000",
    AUTH_RATE_LIMIT_PER_EMAIL: "100000",
    // The tests' calendars are served from this machine.
    CALENDAR_FEEDS_ALLOW_PRIVATE_NETWORKS: "true",
    ...env,
  });
  let url: string;
  try {
    url = await server.listening;
  } catch (error) {
    await storage.dispose();
    throw error;
  }
  return {
    url,
    async close() {
      await server.stop();
      await storage.dispose();
    },
  };
}
