import type { Prisma } from "@agendacraft/db/prisma";
import type { NewEvent } from "./event-type.ts";

/**
 * What services record their facts through: a REQUIRED dependency. `record` runs in the
 * transaction of the change, so the events exist exactly when the change commits.
 */
export type EventRecorder = {
  record(tx: Prisma.TransactionClient, events: readonly NewEvent[]): Promise<void>;
};
