import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDatabase, type DatabaseConfig } from "../create-database.ts";
import { createDurableStorage } from "../testing/durable-storage.ts";
import { createJobQueue } from "./create-job-queue.ts";
import { anyJobType } from "./testing/any-job-type.ts";
import type { QueueOptions } from "./types.ts";

const OPTIONS: QueueOptions = { retryLimit: 1, retryDelay: 0, retryBackoff: false, expireInSeconds: 30 };

/** The storage as createDatabase config (a pool of two, as the jobs use one while tests read). */
async function durableDatabase(): Promise<{ config: DatabaseConfig; dispose(): Promise<void> }> {
  const storage = await createDurableStorage({ migrated: true });
  const { DATABASE_URL: url, DATA_DIR: dataDir } = storage.env;
  const config: DatabaseConfig = url ? { url, poolMax: 2 } : { dataDir };
  return { config, dispose: storage.dispose };
}

// Opens a durable database twice (an embedded one starts with initdb): a busy 2-core machine needs the room.
describe("a scheduled job across a restart", { timeout: 120_000 }, () => {
  let storage: Awaited<ReturnType<typeof durableDatabase>>;

  beforeAll(async () => {
    storage = await durableDatabase();
  });
  afterAll(async () => {
    await storage?.dispose();
  });

  it("fires after the queue and the database were closed and opened again", async () => {
    const ran: { id: string; data: unknown }[] = [];
    const handler = async (job: { id: string; data: unknown }) => {
      ran.push({ id: job.id, data: job.data });
    };

    const firstDb = await createDatabase(storage.config);
    const first = createJobQueue({ pool: firstDb.pool, stopTimeoutMs: 2_000 });
    let id: string | null;
    try {
      await first.start();
      await first.defineQueue("test.reminder", OPTIONS);
      await first.work("test.reminder", handler, { pollingIntervalSeconds: 0.5 });
      id = await first.send(
        anyJobType("test.reminder"),
        { taskId: "t-9" },
        { startAfter: new Date(Date.now() + 3_000) },
      );
    } finally {
      await first.stop();
      await firstDb.close();
    }
    expect(ran).toEqual([]);

    const secondDb = await createDatabase(storage.config);
    const second = createJobQueue({ pool: secondDb.pool, stopTimeoutMs: 2_000 });
    try {
      await second.start();
      await second.defineQueue("test.reminder", OPTIONS);
      await second.work("test.reminder", handler, { pollingIntervalSeconds: 0.5 });
      await vi.waitFor(() => expect(ran).toEqual([{ id, data: { taskId: "t-9" } }]), {
        timeout: 15_000,
        interval: 50,
      });
    } finally {
      await second.stop();
      await secondDb.close();
    }
  });
});
