import { z } from "zod";
import { ZLocalFields, ZRemoteFields, ZTodoistTaskSnapshot } from "../../todoist-snapshot.ts";

/**
 * Commands stored for a link and not answered yet, kept beside the snapshot in
 * TodoistTaskLink.synced. The snapshot itself stays as it was until Todoist answered, so a
 * pull in between still sees these changes as local ones (not as Todoist changing back);
 * once every uuid is "ok" the link takes `remote` and `local` as the new agreement.
 */
export const ZPendingPush = z.object({
  uuids: z.array(z.string()).min(1),
  /** What Todoist holds once the commands are applied (fields we did not send: as last agreed). */
  remote: ZRemoteFields,
  /** The local fields the commands were built from. */
  local: ZLocalFields,
  /** A recurring task completed here: the link follows the series to this next occurrence. */
  nextTaskId: z.uuid().nullable(),
  /** An item_delete: the link goes once Todoist answered. */
  unlink: z.boolean(),
});
export type PendingPush = z.infer<typeof ZPendingPush>;

/** TodoistTaskLink.synced as the push reads it. Readers that know only the snapshot ignore `pending`. */
export const ZPushedSnapshot = ZTodoistTaskSnapshot.extend({ pending: ZPendingPush.optional() });
export type PushedSnapshot = z.infer<typeof ZPushedSnapshot>;
