import { z } from "zod";
import { defineEventType } from "../shared/events/event-type.ts";

/** A person's reminder settings changed (aggregate: the user). A new lead time re-times queued reminders. */
export const NotificationSettingsChanged = defineEventType(
  "notifier.settings_changed",
  z.object({ leadMinutesChanged: z.boolean() }),
);
