import type { Clock } from "../shared/clock.ts";
import type { Db } from "../shared/db.ts";
import { newId } from "../shared/ids.ts";
import type { InstanceInfoDto } from "./schemas.ts";

const INSTANCE_ID_KEY = "instance_id";

/**
 * The id this installation minted on its first start. It is written once and never
 * changes, so it shows that the data survived restarts and which database a server uses.
 */
export async function getInstanceInfo({
  db,
  clock,
  version,
}: {
  db: Db;
  clock: Clock;
  version: string;
}): Promise<InstanceInfoDto> {
  const row = await db.appMeta.upsert({
    where: { key: INSTANCE_ID_KEY },
    create: { key: INSTANCE_ID_KEY, value: newId(), createdAt: clock.now() },
    update: {},
  });
  return { version, instanceId: row.value, installedAt: row.createdAt.toISOString() };
}
