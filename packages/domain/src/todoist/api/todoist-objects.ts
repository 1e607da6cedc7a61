import { z } from "zod";

// Todoist's unified API v1 objects, as far as AgendaCraft reads them. Loose objects: Todoist
// adds fields over time, and a field we do not read must never fail a sync.

export const ZTodoistDue = z.looseObject({
  /** The day, YYYY-MM-DD; or a floating date-time (YYYY-MM-DDTHH:MM:SS) in older answers. */
  date: z.string(),
  /** The due as the person typed it, e.g. "every other week". */
  string: z.string().default(""),
  is_recurring: z.boolean().default(false),
  /** A timed due: UTC ("...Z") with a `timezone`, or floating (no zone) without. */
  datetime: z.string().nullish(),
  timezone: z.string().nullish(),
  lang: z.string().nullish(),
});
export type TodoistDue = z.infer<typeof ZTodoistDue>;

export const ZTodoistItem = z.looseObject({
  id: z.string(),
  project_id: z.string(),
  section_id: z.string().nullish(),
  parent_id: z.string().nullish(),
  content: z.string(),
  description: z.string().default(""),
  /** 4 is Todoist's p1 (the highest), 1 its p4 (none). */
  priority: z.number().int().default(1),
  due: ZTodoistDue.nullish(),
  deadline: z.looseObject({ date: z.string() }).nullish(),
  duration: z.looseObject({ amount: z.number(), unit: z.enum(["minute", "day"]) }).nullish(),
  labels: z.array(z.string()).default([]),
  checked: z.boolean().default(false),
  is_deleted: z.boolean().default(false),
  child_order: z.number().int().default(0),
  added_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  completed_at: z.string().nullish(),
});
export type TodoistItem = z.infer<typeof ZTodoistItem>;

export const ZTodoistProject = z.looseObject({
  id: z.string(),
  name: z.string(),
  parent_id: z.string().nullish(),
  child_order: z.number().int().default(0),
  inbox_project: z.boolean().default(false),
  is_deleted: z.boolean().default(false),
  is_archived: z.boolean().default(false),
  color: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type TodoistProject = z.infer<typeof ZTodoistProject>;

export const ZTodoistSection = z.looseObject({
  id: z.string(),
  project_id: z.string(),
  name: z.string(),
  section_order: z.number().int().default(0),
  is_deleted: z.boolean().default(false),
  is_archived: z.boolean().default(false),
});
export type TodoistSection = z.infer<typeof ZTodoistSection>;

export const ZTodoistLabel = z.looseObject({
  id: z.string(),
  name: z.string(),
  is_deleted: z.boolean().default(false),
});
export type TodoistLabel = z.infer<typeof ZTodoistLabel>;

export const ZTodoistUser = z.looseObject({
  id: z.string(),
  email: z.string(),
  full_name: z.string().default(""),
  inbox_project_id: z.string().nullish(),
  tz_info: z.looseObject({ timezone: z.string() }).nullish(),
});
export type TodoistUser = z.infer<typeof ZTodoistUser>;

/** Todoist's error object: as an HTTP body and per command in `sync_status`. */
export const ZTodoistErrorBody = z.looseObject({
  error: z.string().nullish(),
  error_tag: z.string().nullish(),
  error_code: z.number().nullish(),
  http_code: z.number().nullish(),
});

export const ZTodoistSyncResponse = z.looseObject({
  sync_token: z.string(),
  full_sync: z.boolean().default(false),
  items: z.array(ZTodoistItem).default([]),
  projects: z.array(ZTodoistProject).default([]),
  sections: z.array(ZTodoistSection).default([]),
  labels: z.array(ZTodoistLabel).default([]),
  /** Per command uuid: "ok" or Todoist's error object. */
  sync_status: z.record(z.string(), z.union([z.literal("ok"), ZTodoistErrorBody])).default({}),
  temp_id_mapping: z.record(z.string(), z.string()).default({}),
});
export type TodoistSyncResponse = z.infer<typeof ZTodoistSyncResponse>;

export const ZTodoistCompletedPage = z.looseObject({
  items: z.array(ZTodoistItem).default([]),
  next_cursor: z.string().nullish(),
});

/** A sync command as sent: `uuid` makes a retried push apply once; `temp_id` names an object it creates. */
export type TodoistSyncCommand = {
  type: string;
  uuid: string;
  args: Record<string, unknown>;
  temp_id?: string;
};
