/**
 * Todoist's unified API v1 objects, with the field names it sends (snake_case), as the fake
 * stores and serves them. Shapes follow the v1 reference and @doist/todoist-api-typescript's
 * schemas (Task, PersonalProject, Section, Label, DueDate, Duration, Deadline).
 */

/** `date` is the day (YYYY-MM-DD). A timed due adds `datetime`: UTC (`...Z`) with a `timezone`, or floating without. */
export type TodoistDue = {
  date: string;
  string: string;
  lang: string;
  is_recurring: boolean;
  datetime?: string | null;
  timezone?: string | null;
};

export type TodoistDuration = { amount: number; unit: "minute" | "day" };
export type TodoistDeadline = { date: string; lang: string };

export type TodoistTask = {
  id: string;
  user_id: string;
  project_id: string;
  section_id: string | null;
  parent_id: string | null;
  added_by_uid: string | null;
  assigned_by_uid: string | null;
  responsible_uid: string | null;
  labels: string[];
  deadline: TodoistDeadline | null;
  duration: TodoistDuration | null;
  checked: boolean;
  is_deleted: boolean;
  added_at: string;
  completed_at: string | null;
  updated_at: string;
  due: TodoistDue | null;
  priority: number;
  child_order: number;
  content: string;
  description: string;
  day_order: number;
  is_collapsed: boolean;
};

export type TodoistProject = {
  id: string;
  can_assign_tasks: boolean;
  child_order: number;
  color: string;
  created_at: string;
  is_archived: boolean;
  is_deleted: boolean;
  is_favorite: boolean;
  is_frozen: boolean;
  name: string;
  updated_at: string;
  view_style: string;
  default_order: number;
  description: string;
  is_collapsed: boolean;
  is_shared: boolean;
  parent_id: string | null;
  inbox_project: boolean;
};

export type TodoistSection = {
  id: string;
  user_id: string;
  project_id: string;
  added_at: string;
  updated_at: string;
  archived_at: string | null;
  name: string;
  section_order: number;
  is_archived: boolean;
  is_deleted: boolean;
  is_collapsed: boolean;
};

export type TodoistLabel = {
  id: string;
  name: string;
  color: string;
  order: number | null;
  is_favorite: boolean;
  is_deleted: boolean;
};

export type TodoistUser = {
  id: string;
  email: string;
  full_name: string;
  inbox_project_id: string;
  lang: string;
  premium_status: string;
  tz_info: { timezone: string; gmt_string: string; hours: number; minutes: number; is_dst: number };
};
