import { newTodoistId } from "./ids.ts";
import { addDays, advanceDue, isRecurringString, localParts, parseRule } from "./recurrence.ts";
import { TodoistFailure } from "./todoist-errors.ts";
import type {
  TodoistDeadline,
  TodoistDue,
  TodoistDuration,
  TodoistLabel,
  TodoistProject,
  TodoistSection,
  TodoistTask,
  TodoistUser,
} from "./todoist-types.ts";

export type ResourceKind = "projects" | "sections" | "labels" | "items";

/** What a new task may carry (the item_add arguments the fake understands). */
export type NewTask = {
  content: string;
  description?: string;
  project_id?: string;
  section_id?: string | null;
  parent_id?: string | null;
  due?: DueInput | null;
  deadline?: { date: string } | null;
  duration?: TodoistDuration | null;
  priority?: number;
  labels?: string[];
  child_order?: number;
};

export type TaskPatch = Partial<
  Pick<NewTask, "content" | "description" | "due" | "deadline" | "duration" | "priority" | "labels">
>;

/** A due as clients send it: a `date` (day or floating date-time), a `datetime`, and/or a `string`. */
export type DueInput = {
  date?: string;
  datetime?: string;
  string?: string;
  timezone?: string | null;
  is_recurring?: boolean;
  lang?: string;
};

/** A completion as the completed-tasks endpoint lists it: the task as it was, checked. */
export type Completion = { task: TodoistTask; completedAt: string };

const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, ".000000Z");

/**
 * One Todoist account's data and its change history. Every change takes the next sequence
 * number; a sync token names the number it was issued at, so an incremental sync returns
 * exactly the objects changed since (deleted and completed ones included, flagged).
 */
export class AccountState {
  readonly projects = new Map<string, TodoistProject>();
  readonly sections = new Map<string, TodoistSection>();
  readonly labels = new Map<string, TodoistLabel>();
  readonly tasks = new Map<string, TodoistTask>();
  readonly completions: Completion[] = [];
  /** The sequence number of each object's last change, by kind. */
  readonly changedAt: Record<ResourceKind, Map<string, number>> = {
    projects: new Map(),
    sections: new Map(),
    labels: new Map(),
    items: new Map(),
  };
  /** Commands already applied, by uuid: a retried uuid answers the same without applying again. */
  readonly appliedCommands = new Map<
    string,
    { status: "ok" | Record<string, unknown>; tempIds: Record<string, string> }
  >();
  readonly tempIds = new Map<string, string>();
  /** Creation order of tasks, for stable pages. */
  readonly taskOrder = new Map<string, number>();
  seq = 0;
  #created = 0;

  constructor(
    readonly user: TodoistUser,
    private readonly now: () => Date,
  ) {}

  static create(input: { email: string; fullName: string; timezone: string }, now: () => Date): AccountState {
    const userId = String(40_000_000 + Math.floor(Math.random() * 9_000_000));
    const user: TodoistUser = {
      id: userId,
      email: input.email,
      full_name: input.fullName,
      inbox_project_id: "",
      lang: "en",
      premium_status: "current_personal_plan",
      tz_info: { timezone: input.timezone, gmt_string: "+00:00", hours: 0, minutes: 0, is_dst: 0 },
    };
    const state = new AccountState(user, now);
    const inbox = state.addProject({ name: "Inbox" });
    inbox.inbox_project = true;
    user.inbox_project_id = inbox.id;
    return state;
  }

  touch(kind: ResourceKind, id: string): void {
    this.seq += 1;
    this.changedAt[kind].set(id, this.seq);
  }

  /** The account's local day (YYYY-MM-DD). */
  today(): string {
    return localParts(this.now(), this.user.tz_info.timezone).day;
  }

  nowIso(): string {
    return iso(this.now());
  }

  // Projects, sections, labels.

  addProject(input: { name: string; parent_id?: string | null; color?: string; child_order?: number }): TodoistProject {
    if (!input.name?.trim()) throw new TodoistFailure("argumentMissing", { argument: "name" });
    if (input.parent_id) this.project(input.parent_id);
    const now = this.nowIso();
    const project: TodoistProject = {
      id: newTodoistId(),
      can_assign_tasks: false,
      child_order: input.child_order ?? this.projects.size,
      color: input.color ?? "charcoal",
      created_at: now,
      is_archived: false,
      is_deleted: false,
      is_favorite: false,
      is_frozen: false,
      name: input.name,
      updated_at: now,
      view_style: "list",
      default_order: 0,
      description: "",
      is_collapsed: false,
      is_shared: false,
      parent_id: input.parent_id ?? null,
      inbox_project: false,
    };
    this.projects.set(project.id, project);
    this.touch("projects", project.id);
    return project;
  }

  project(id: string): TodoistProject {
    const project = this.projects.get(this.resolve(id));
    if (!project || project.is_deleted) throw new TodoistFailure("projectNotFound", { project_id: id });
    return project;
  }

  addSection(input: { name: string; project_id: string }): TodoistSection {
    if (!input.name?.trim()) throw new TodoistFailure("argumentMissing", { argument: "name" });
    const project = this.project(input.project_id);
    const now = this.nowIso();
    const section: TodoistSection = {
      id: newTodoistId(),
      user_id: this.user.id,
      project_id: project.id,
      added_at: now,
      updated_at: now,
      archived_at: null,
      name: input.name,
      section_order: [...this.sections.values()].filter((s) => s.project_id === project.id).length + 1,
      is_archived: false,
      is_deleted: false,
      is_collapsed: false,
    };
    this.sections.set(section.id, section);
    this.touch("sections", section.id);
    return section;
  }

  section(id: string): TodoistSection {
    const section = this.sections.get(this.resolve(id));
    if (!section || section.is_deleted) throw new TodoistFailure("sectionNotFound", { section_id: id });
    return section;
  }

  addLabel(input: { name: string; color?: string }): TodoistLabel {
    if (!input.name?.trim()) throw new TodoistFailure("argumentMissing", { argument: "name" });
    const existing = [...this.labels.values()].find((label) => label.name === input.name && !label.is_deleted);
    if (existing) return existing;
    const label: TodoistLabel = {
      id: newTodoistId(),
      name: input.name,
      color: input.color ?? "charcoal",
      order: this.labels.size + 1,
      is_favorite: false,
      is_deleted: false,
    };
    this.labels.set(label.id, label);
    this.touch("labels", label.id);
    return label;
  }

  // Tasks.

  addTask(input: NewTask): TodoistTask {
    if (typeof input.content !== "string" || !input.content.trim()) {
      throw new TodoistFailure("argumentMissing", { argument: "content" });
    }
    const parent = input.parent_id ? this.task(input.parent_id) : undefined;
    const section = input.section_id ? this.section(input.section_id) : undefined;
    const project = this.project(
      input.project_id ?? section?.project_id ?? parent?.project_id ?? this.user.inbox_project_id,
    );
    const now = this.nowIso();
    const task: TodoistTask = {
      id: newTodoistId(),
      user_id: this.user.id,
      project_id: project.id,
      section_id: section?.id ?? (parent ? parent.section_id : null),
      parent_id: parent?.id ?? null,
      added_by_uid: this.user.id,
      assigned_by_uid: null,
      responsible_uid: null,
      labels: this.#labels(input.labels),
      deadline: this.#deadline(input.deadline),
      duration: this.#duration(input.duration),
      checked: false,
      is_deleted: false,
      added_at: now,
      completed_at: null,
      updated_at: now,
      due: input.due ? this.#due(input.due) : null,
      priority: this.#priority(input.priority),
      child_order: input.child_order ?? this.tasks.size + 1,
      content: input.content,
      description: input.description ?? "",
      day_order: -1,
      is_collapsed: false,
    };
    this.tasks.set(task.id, task);
    this.#created += 1;
    this.taskOrder.set(task.id, this.#created);
    this.touch("items", task.id);
    return task;
  }

  task(id: string): TodoistTask {
    const task = this.tasks.get(this.resolve(id));
    if (!task || task.is_deleted) throw new TodoistFailure("itemNotFound", { item_id: id });
    return task;
  }

  /** Changes only the fields given; every value is checked before any is applied, so a bad one changes nothing. */
  updateTask(id: string, patch: TaskPatch): TodoistTask {
    const task = this.task(id);
    if (patch.content !== undefined && (typeof patch.content !== "string" || !patch.content.trim())) {
      throw new TodoistFailure("invalidArgument", { argument: "content" });
    }
    const next: Partial<TodoistTask> = {};
    if (patch.content !== undefined) next.content = patch.content;
    if (patch.description !== undefined) next.description = patch.description;
    if (patch.priority !== undefined) next.priority = this.#priority(patch.priority);
    if (patch.due !== undefined) next.due = patch.due ? this.#due(patch.due) : null;
    if (patch.deadline !== undefined) next.deadline = this.#deadline(patch.deadline);
    if (patch.duration !== undefined) next.duration = this.#duration(patch.duration);
    // Labels last: naming a new one creates it, which must not happen for a refused update.
    if (patch.labels !== undefined) next.labels = this.#labels(patch.labels);
    Object.assign(task, next);
    this.#changed(task);
    return task;
  }

  /**
   * What Todoist's app does when a person ticks a task (item_close, POST /tasks/{id}/close): a
   * recurring task moves to its next occurrence (same id, still open); any other task is
   * completed with its sub-tasks. The completion is listed by the completed-tasks endpoint.
   */
  closeTask(id: string): TodoistTask {
    const task = this.task(id);
    if (task.due?.is_recurring) {
      const next = advanceDue(task.due, this.today());
      if (!next) {
        throw new TodoistFailure("invalidArgument", {
          argument: "due",
          explanation: `fake-todoist cannot compute the next occurrence of "${task.due.string}" (see tooling/fake-todoist/src/recurrence.ts)`,
        });
      }
      this.completions.push({
        task: { ...task, checked: true, completed_at: this.nowIso() },
        completedAt: this.nowIso(),
      });
      task.due = next;
      this.#changed(task);
      return task;
    }
    return this.completeTask(id);
  }

  /** item_update_date_complete: a client that computed the next occurrence itself records the completion and sets it. */
  completeOccurrence(id: string, due: DueInput): TodoistTask {
    const task = this.task(id);
    // Without a new string the task keeps its recurrence text, as only the date moves.
    const next = this.#due({
      ...(task.due ? { string: task.due.string, timezone: task.due.timezone ?? null } : {}),
      ...due,
    });
    this.completions.push({
      task: { ...task, checked: true, completed_at: this.nowIso() },
      completedAt: this.nowIso(),
    });
    task.due = { ...next, is_recurring: task.due?.is_recurring ?? next.is_recurring };
    this.#changed(task);
    return task;
  }

  /** item_complete: completes the task and its sub-tasks, recurring or not (ends a recurrence). */
  completeTask(id: string, completedAt?: string): TodoistTask {
    const task = this.task(id);
    const at = completedAt ?? this.nowIso();
    for (const each of [task, ...this.#descendants(task.id)]) {
      if (each.checked) continue;
      each.checked = true;
      each.completed_at = at;
      this.completions.push({ task: { ...each }, completedAt: at });
      this.#changed(each);
    }
    return task;
  }

  /** item_uncomplete / POST /tasks/{id}/reopen: the task (and its completed parents) are open again. */
  reopenTask(id: string): TodoistTask {
    const task = this.task(id);
    for (
      let each: TodoistTask | undefined = task;
      each;
      each = each.parent_id ? this.tasks.get(each.parent_id) : undefined
    ) {
      if (!each.checked) continue;
      each.checked = false;
      each.completed_at = null;
      const index = this.completions.findIndex((completion) => completion.task.id === each?.id);
      if (index >= 0) this.completions.splice(index, 1);
      this.#changed(each);
    }
    return task;
  }

  deleteTask(id: string): void {
    const task = this.task(id);
    for (const each of [task, ...this.#descendants(task.id)]) {
      each.is_deleted = true;
      this.#changed(each);
    }
  }

  /** item_move: to another project (sub-tasks follow), a section, or under another parent. */
  moveTask(
    id: string,
    to: { project_id?: string; section_id?: string | null; parent_id?: string | null },
  ): TodoistTask {
    const task = this.task(id);
    const targets = [to.project_id, to.section_id, to.parent_id].filter((value) => value !== undefined);
    if (targets.length !== 1) {
      throw new TodoistFailure("invalidArgument", {
        explanation: "give exactly one of project_id, section_id, parent_id",
      });
    }
    let projectId = task.project_id;
    let sectionId: string | null = null;
    let parentId: string | null = null;
    if (to.project_id !== undefined) projectId = this.project(to.project_id).id;
    if (to.section_id) {
      const section = this.section(to.section_id);
      projectId = section.project_id;
      sectionId = section.id;
    }
    if (to.parent_id) {
      const parent = this.task(to.parent_id);
      if (parent.id === task.id || this.#descendants(task.id).includes(parent)) {
        throw new TodoistFailure("invalidArgument", { argument: "parent_id" });
      }
      projectId = parent.project_id;
      sectionId = parent.section_id;
      parentId = parent.id;
    }
    task.project_id = projectId;
    task.section_id = sectionId;
    task.parent_id = parentId;
    this.#changed(task);
    for (const child of this.#descendants(task.id)) {
      child.project_id = projectId;
      child.section_id = sectionId;
      this.#changed(child);
    }
    return task;
  }

  /** Open tasks in creation order. */
  activeTasks(): TodoistTask[] {
    return [...this.tasks.values()].filter((task) => !task.checked && !task.is_deleted);
  }

  /** A real id for a temp_id given earlier in the same account, or the id itself. */
  resolve(id: string): string {
    return this.tempIds.get(id) ?? id;
  }

  #changed(task: TodoistTask): void {
    task.updated_at = this.nowIso();
    this.touch("items", task.id);
  }

  #descendants(id: string): TodoistTask[] {
    const children = [...this.tasks.values()].filter((task) => task.parent_id === id && !task.is_deleted);
    return children.flatMap((child) => [child, ...this.#descendants(child.id)]);
  }

  #priority(priority: number | undefined): number {
    if (priority === undefined) return 1;
    if (!Number.isInteger(priority) || priority < 1 || priority > 4) {
      throw new TodoistFailure("invalidArgument", { argument: "priority" });
    }
    return priority;
  }

  /** Labels are names; a new name creates the personal label, as Todoist does. */
  #labels(names: string[] | undefined): string[] {
    if (names === undefined) return [];
    if (!Array.isArray(names) || names.some((name) => typeof name !== "string")) {
      throw new TodoistFailure("invalidArgument", { argument: "labels" });
    }
    for (const name of names) this.addLabel({ name });
    return [...names];
  }

  #deadline(deadline: { date: string } | null | undefined): TodoistDeadline | null {
    if (!deadline) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline.date ?? ""))
      throw new TodoistFailure("invalidArgument", { argument: "deadline" });
    return { date: deadline.date, lang: "en" };
  }

  #duration(duration: TodoistDuration | null | undefined): TodoistDuration | null {
    if (!duration) return null;
    if (!(duration.amount > 0) || !Number.isInteger(duration.amount) || !["minute", "day"].includes(duration.unit)) {
      throw new TodoistFailure("invalidArgument", { argument: "duration" });
    }
    return { amount: duration.amount, unit: duration.unit };
  }

  /**
   * A due from what a client sends. The fake reads dates, not natural language: give `date`
   * (YYYY-MM-DD, or a floating YYYY-MM-DDTHH:MM:SS) or `datetime` (UTC, with `timezone`); a
   * `string` alone is understood for "today", "tomorrow" and the recurring patterns of
   * recurrence.ts (first occurrence: today's next match).
   */
  #due(input: DueInput): TodoistDue {
    const text = input.string?.trim();
    let day: string | undefined;
    let datetime: string | null = null;
    if (input.datetime) {
      const instant = new Date(input.datetime);
      if (Number.isNaN(instant.getTime())) throw new TodoistFailure("invalidArgument", { argument: "due" });
      datetime = input.datetime;
      day = input.timezone ? localParts(instant, input.timezone).day : input.datetime.slice(0, 10);
    } else if (input.date) {
      if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(input.date)) {
        throw new TodoistFailure("invalidArgument", { argument: "due" });
      }
      day = input.date.slice(0, 10);
      if (input.date.length > 10) datetime = input.date;
    } else if (text) {
      day = this.#dayFromString(text);
    }
    if (!day)
      throw new TodoistFailure("invalidArgument", { argument: "due", explanation: "give due.date or due.datetime" });
    const recurring = input.is_recurring ?? (text ? isRecurringString(text) : false);
    return {
      date: day,
      string: text ?? day,
      lang: input.lang ?? "en",
      is_recurring: recurring,
      ...(datetime ? { datetime, timezone: input.timezone ?? null } : { datetime: null, timezone: null }),
    };
  }

  #dayFromString(text: string): string | undefined {
    const lower = text.toLowerCase();
    const today = this.today();
    if (lower === "today") return today;
    if (lower === "tomorrow") return addDays(today, 1);
    const rule = parseRule(lower);
    if (!rule) return undefined;
    // A pattern's first occurrence: today, or for day names the next matching day from today.
    if (rule.kind !== "weekdays") return today;
    let day = today;
    while (!rule.days.includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, 1);
    return day;
  }
}
