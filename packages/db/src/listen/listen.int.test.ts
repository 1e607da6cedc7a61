import { describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../testing/use-test-database.ts";

/** Notifications arrive within milliseconds; a wait leaves room for a busy machine. */
const WAIT = { timeout: 15_000, interval: 20 };

describe("Database.listen", () => {
  const database = useTestDatabase();

  async function notifyInTransaction(channel: string, payload: string, outcome: "commit" | "rollback") {
    const client = await database().pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_notify($1, $2)", [channel, payload]);
      await client.query(outcome === "commit" ? "COMMIT" : "ROLLBACK");
    } finally {
      client.release();
    }
  }

  it("delivers a payload when the sending transaction commits, and nothing for one that rolls back", async () => {
    const heard: string[] = [];
    const stop = await database().listen("test_commits", (payload) => heard.push(payload));
    try {
      await notifyInTransaction("test_commits", "rolled back", "rollback");
      await notifyInTransaction("test_commits", "committed", "commit");
      // Notifications arrive in commit order on one session: had the rolled-back one been
      // delivered, it would be here before "committed".
      await vi.waitFor(() => expect(heard).toContain("committed"), WAIT);
      expect(heard).toEqual(["committed"]);
    } finally {
      await stop();
    }
  });

  it("delivers Prisma's notifications too, to every listener of the channel and no other", async () => {
    const first: string[] = [];
    const second: string[] = [];
    const other: string[] = [];
    const stops = await Promise.all([
      database().listen("test_fanout", (payload) => first.push(payload)),
      database().listen("test_fanout", (payload) => second.push(payload)),
      database().listen("test_other", (payload) => other.push(payload)),
    ]);
    try {
      await database().prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_notify('test_fanout', ${JSON.stringify({ id: 1 })})`;
      });
      await vi.waitFor(() => expect([first.length, second.length]).toEqual([1, 1]), WAIT);
      expect(first).toEqual(['{"id":1}']);
      expect(other).toEqual([]);
    } finally {
      for (const stop of stops) await stop();
    }
  });

  it("stops delivering after the listener stops", async () => {
    const heard: string[] = [];
    const witnessed: string[] = [];
    const stop = await database().listen("test_stop", (payload) => heard.push(payload));
    const stopWitness = await database().listen("test_stop_witness", (payload) => witnessed.push(payload));
    try {
      await stop();
      await stop();
      await database().pool.query("SELECT pg_notify('test_stop', 'late')");
      // One session delivers in order: once the later witness arrived, "late" would have too.
      await database().pool.query("SELECT pg_notify('test_stop_witness', 'after')");
      await vi.waitFor(() => expect(witnessed).toEqual(["after"]), WAIT);
      expect(heard).toEqual([]);
    } finally {
      await stopWitness();
    }
  });

  it("refuses channel names that are not plain identifiers", async () => {
    await expect(database().listen('x"; DROP TABLE users; --', () => undefined)).rejects.toThrow(/not a channel name/);
  });

  it("keeps listening after the connection it listens on is lost, and says so on PostgreSQL", async () => {
    const heard: string[] = [];
    let reconnects = 0;
    const stop = await database().listen("test_reconnect", (payload) => heard.push(payload), {
      onReconnect: () => {
        reconnects += 1;
      },
    });
    try {
      await loseListeningConnection(database());
      // The embedded database keeps its one session, so only PostgreSQL has a reconnect to report.
      await vi.waitFor(() => expect(reconnects > 0).toBe(database().mode === "postgres"), WAIT);
      await database().pool.query("SELECT pg_notify('test_reconnect', 'after')");
      await vi.waitFor(() => expect(heard).toContain("after"), WAIT);
    } finally {
      await stop();
    }
  });
});

/**
 * Takes away the connection a listener uses, as a network drop or a server restart
 * would: on PostgreSQL the dedicated LISTEN connection is terminated; on the embedded
 * database the listener rides the pool's connection, which pg replaces after any
 * failed statement.
 */
async function loseListeningConnection(db: { mode: "postgres" | "embedded"; pool: import("pg").Pool }) {
  if (db.mode === "embedded") {
    await db.pool.query("SELECT 1/0").catch(() => undefined);
    return;
  }
  const { rows } = await db.pool.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const { pid } of rows) await db.pool.query("SELECT pg_terminate_backend($1)", [pid]);
}
