import { createHash, randomBytes, randomUUID } from "node:crypto";

/** What pg's Client and PGlite both offer, so one seed serves PostgreSQL and the embedded database. */
export type Sql = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

export type BenchPerson = { userId: string; token: string };

export type BenchData = {
  /** 60 open tasks in the inbox: a full first page of 50 and a next cursor. */
  lister: BenchPerson;
  /** No tasks: creates go to the inbox (cleared between rounds). */
  creator: BenchPerson;
  /** Two projects: one empty, one with BIG_PROJECT_TASKS (completed) tasks. */
  owner: BenchPerson & { emptyProjectId: string; bigProjectId: string };
};

export const LISTED_TASKS = 60;
/**
 * Completed, because a person may have at most 10,000 open tasks (ACCOUNT_LIMITS): the
 * creates still find the next position among all 50,000 rows of the project.
 */
export const BIG_PROJECT_TASKS = 50_000;

/** A person with an API token, stored as iam stores one: the SHA-256 of the secret. */
async function insertPerson(sql: Sql, name: string): Promise<BenchPerson> {
  const userId = randomUUID();
  const token = `act_${randomBytes(32).toString("base64url")}`;
  await sql.query(`INSERT INTO users (id, name, email, "updatedAt") VALUES ($1, $2, $3, now())`, [
    userId,
    name,
    `${name}@bench.example`,
  ]);
  await sql.query(`INSERT INTO api_tokens (id, "userId", name, "tokenHash", prefix) VALUES ($1, $2, 'bench', $3, $4)`, [
    randomUUID(),
    userId,
    createHash("sha256").update(token).digest("hex"),
    token.slice(0, 12),
  ]);
  return { userId, token };
}

async function insertProject(sql: Sql, userId: string, name: string, order: number): Promise<string> {
  const id = randomUUID();
  await sql.query(`INSERT INTO projects (id, "userId", name, "order", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
    id,
    userId,
    name,
    order,
  ]);
  return id;
}

/** Tasks 1..count of one project (or the inbox), in one statement. */
async function insertTasks(
  sql: Sql,
  {
    userId,
    projectId,
    count,
    completed,
  }: { userId: string; projectId: string | null; count: number; completed: boolean },
): Promise<void> {
  await sql.query(
    `INSERT INTO tasks (id, "userId", "projectId", summary, description, "order", minutes, "completedAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'Bench task ' || n, 'Seeded by pnpm bench:api', n, 30,
            CASE WHEN $3::boolean THEN now() END, now()
     FROM generate_series(1, $4::int) AS n`,
    [userId, projectId, completed, count],
  );
}

/** The people and tasks every case reads, in a migrated database. */
export async function seedBenchData(sql: Sql): Promise<BenchData> {
  const lister = await insertPerson(sql, "lister");
  await insertTasks(sql, { userId: lister.userId, projectId: null, count: LISTED_TASKS, completed: false });
  const creator = await insertPerson(sql, "creator");
  const owner = await insertPerson(sql, "owner");
  const emptyProjectId = await insertProject(sql, owner.userId, "Empty", 1);
  const bigProjectId = await insertProject(sql, owner.userId, "Big", 2);
  await insertTasks(sql, { userId: owner.userId, projectId: bigProjectId, count: BIG_PROJECT_TASKS, completed: true });
  return { lister, creator, owner: { ...owner, emptyProjectId, bigProjectId } };
}

/** Removes the open tasks a create round added, so every round starts from the same rows. */
export async function clearCreatedTasks(sql: Sql, userId: string): Promise<void> {
  await sql.query(`DELETE FROM tasks WHERE "userId" = $1 AND "completedAt" IS NULL`, [userId]);
}
