import { z } from "zod";
import { ZInstant, zInstant } from "../../shared/instant.ts";
import { ZPage, ZPageInput } from "../../shared/pagination.ts";
import { ZText } from "../../shared/text.ts";
import { refineTimeRange } from "../../shared/time-range.ts";
import { ZRecurrenceRule } from "../recurrence/schemas.ts";

export {
  PRIORITY_LEVELS,
  type PriorityValue,
  priorityFromTodoist,
  priorityFromWord,
  priorityLabel,
} from "./priority/schemas.ts";

export const ZRecurrenceAnchor = z.enum(["scheduled", "completion"]);

export const ZTask = z.object({
  id: z.uuid(),
  summary: z.string(),
  description: z.string(),
  priority: z.number().int(),
  order: z.number().int(),
  minutes: z.number().int(),
  startTime: z.date().nullable(),
  endTime: z.date().nullable(),
  dueAt: z.date().nullable(),
  /** The planner never places the task before this moment; null: any time from now. */
  startAfter: z.date().nullable(),
  completedAt: z.date().nullable(),
  projectId: z.uuid().nullable(),
  areaId: z.uuid().nullable(),
  plannerId: z.uuid().nullable(),
  /** The task this one is a step of (a sub-task); one level only, so a parent never has a parent. */
  parentId: z.uuid().nullable(),
  labels: z.array(z.string()),
  recurrence: z.string().nullable(),
  /** The repeat in the words of where the task came from (Todoist's "every other week"); read-only. */
  recurrenceText: z.string().nullable(),
  recurrenceAnchor: ZRecurrenceAnchor.nullable(),
  occurrenceIndex: z.number().int(),
  previousId: z.uuid().nullable(),
  /** The Todoist task this one is linked to; null when it is not in Todoist. */
  todoistId: z.string().nullable(),
  /** Moves on with every write: what undo and sync compare. */
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TaskDto = z.infer<typeof ZTask>;

const ZSummary = ZText.trim().min(1, "Enter a summary").max(255, "Keep the summary under 256 characters");
const ZDescription = ZText.max(10_000, "Keep the description under 10,000 characters");
const ZPriority = z.number().int().min(0, "Priority goes from 0 to 5").max(5, "Priority goes from 0 to 5");
const ZMinutes = z.number().int().min(1, "A task takes at least 1 minute").max(480, "A task takes at most 480 minutes");

export const MAX_TASK_LABELS = 20;
export const MAX_LABEL_LENGTH = 60;
const ZLabel = ZText.trim()
  .min(1, "A label cannot be empty")
  .max(MAX_LABEL_LENGTH, `Keep each label under ${MAX_LABEL_LENGTH + 1} characters`);
/** The same label twice says nothing more: kept once, where it first appears. */
const ZLabels = z
  .array(ZLabel)
  .max(MAX_TASK_LABELS, `A task has at most ${MAX_TASK_LABELS} labels`)
  .transform((labels) => [...new Set(labels)]);

export const ZCreateTaskInput = z.object({
  summary: ZSummary,
  description: ZDescription.default(""),
  priority: ZPriority.default(0),
  minutes: ZMinutes.default(30),
  startTime: ZInstant.optional(),
  /** Defaults to startTime + minutes. */
  endTime: ZInstant.optional(),
  dueAt: ZInstant.optional(),
  /** Do not plan the task before this moment (it may be in the past). */
  startAfter: ZInstant.optional(),
  projectId: z.uuid().optional(),
  areaId: z.uuid().optional(),
  plannerId: z.uuid().optional(),
  /**
   * Makes the task a sub-task of this one (of its top task when it is a sub-task itself).
   * Without a projectId the task goes into the parent's project.
   */
  parentId: z.uuid().optional(),
  /** None when omitted. */
  labels: ZLabels.optional(),
  recurrence: ZRecurrenceRule.optional(),
  recurrenceAnchor: ZRecurrenceAnchor.optional(),
});
export type CreateTaskInput = z.infer<typeof ZCreateTaskInput>;

export const ZUpdateTaskInput = z.object({
  id: z.uuid(),
  summary: ZSummary.optional(),
  description: ZDescription.optional(),
  priority: ZPriority.optional(),
  minutes: ZMinutes.optional(),
  /** null clears the field. */
  startTime: ZInstant.nullable().optional(),
  endTime: ZInstant.nullable().optional(),
  dueAt: ZInstant.nullable().optional(),
  startAfter: ZInstant.nullable().optional(),
  areaId: z.uuid().nullable().optional(),
  plannerId: z.uuid().nullable().optional(),
  /** null makes the task a top task again; the project stays (it changes through moveTask). */
  parentId: z.uuid().nullable().optional(),
  /** Replaces the labels ([] removes them all). */
  labels: ZLabels.optional(),
  recurrence: ZRecurrenceRule.nullable().optional(),
  recurrenceAnchor: ZRecurrenceAnchor.optional(),
});
export type UpdateTaskInput = z.infer<typeof ZUpdateTaskInput>;

export const ZTaskIdInput = z.object({ id: z.uuid() });

/** Exactly one destination: before or after another task, or the end of a project (null: the inbox). */
export const ZMoveTaskInput = z
  .object({
    id: z.uuid(),
    beforeId: z.uuid().optional(),
    afterId: z.uuid().optional(),
    projectId: z.uuid().nullable().optional(),
  })
  .refine((input) => [input.beforeId, input.afterId, input.projectId].filter((v) => v !== undefined).length === 1, {
    message: "Say where to move the task: beforeId, afterId or projectId",
    params: { code: "scheduler.move_target_required" },
  });
export type MoveTaskInput = z.infer<typeof ZMoveTaskInput>;

export const ZCompleteTaskResult = z.object({ task: ZTask, next: ZTask.nullable() });

/** Named shortcuts for common filters; they combine with the explicit ones. */
export const ZTaskView = z.enum(["schedulable", "high_priority"]);

export const ZListTasksInput = ZPageInput.extend({
  /** A project's tasks; null lists the inbox (tasks without a project). */
  projectId: z.uuid().nullable().optional(),
  areaId: z.uuid().optional(),
  plannerId: z.uuid().optional(),
  isComplete: z.boolean().default(false),
  /** true: only tasks with a start time; false: only tasks without. */
  scheduled: z.boolean().optional(),
  startFrom: ZInstant.optional(),
  startTo: ZInstant.optional(),
  dueBefore: ZInstant.optional(),
  priorityMin: ZPriority.optional(),
  /** Case-insensitive text in the summary or description. */
  q: ZText.trim().min(1).max(200).optional(),
  view: ZTaskView.optional(),
}).default({ isComplete: false, limit: 50 });
export type ListTasksInput = z.infer<typeof ZListTasksInput>;

export const ZTaskPage = ZPage(ZTask);

/** The agenda is read a week (or a month view) at a time; six weeks covers any month grid. */
export const MAX_AGENDA_RANGE_DAYS = 42;

export const ZAgendaInput = z
  .object({
    from: zInstant("Give the start of the range as a date"),
    to: zInstant("Give the end of the range as a date"),
  })
  .superRefine(
    refineTimeRange({
      maxDays: MAX_AGENDA_RANGE_DAYS,
      invalidCode: "scheduler.invalid_agenda_range",
      tooLongCode: "scheduler.agenda_range_too_long",
    }),
  );
export type AgendaInput = z.infer<typeof ZAgendaInput>;

/** One stretch of time a task occupies: the whole task, or one part of a split one. */
export const ZAgendaEntry = z.object({
  taskId: z.uuid(),
  summary: z.string(),
  start: z.date(),
  end: z.date(),
  /** 1-based position among the task's parts; 1 of 1 for a task placed whole. */
  part: z.number().int().min(1),
  partCount: z.number().int().min(1),
  priority: z.number().int(),
  completed: z.boolean(),
  projectId: z.uuid().nullable(),
  /** The planner placed this open task and a calendar event now overlaps it: the next plan moves it. */
  conflict: z.boolean(),
  /**
   * Present on time a plan reserved for a later occurrence of this repeating task (its
   * position in the series); the occurrence takes it over once the ones before are done.
   */
  occurrenceIndex: z.number().int().min(1).optional(),

  /** AgendaCraft wrote this task into the person's Google write-target calendar (it has an event there). */
  syncedToGoogle: z.boolean(),
});
export type AgendaEntryDto = z.infer<typeof ZAgendaEntry>;

/** One call lists at most this many entries (the earliest); `truncated: true` says there were more. */
export const MAX_AGENDA_ENTRIES = 2000;

export const ZAgenda = z.object({
  entries: z.array(ZAgendaEntry),
  /** Present when the range held more than MAX_AGENDA_ENTRIES entries: ask for a shorter one. */
  truncated: z.literal(true).optional(),
});
export type AgendaDto = z.infer<typeof ZAgenda>;

/** Each list of Today and Upcoming holds at most this many tasks (the earliest); `truncated: true` says there were more. */
export const MAX_DAY_LIST_TASKS = 500;

/** `scheduler.tasks.today`: the person's day in their own zone. */
/** Time a plan kept for a later occurrence of an open repeating task (see OccurrenceBlock). */
export const ZKeptOccurrence = z.object({
  taskId: z.uuid(),
  summary: z.string(),
  priority: z.number().int(),
  projectId: z.uuid().nullable(),
  start: z.date(),
  end: z.date(),
  /** The occurrence's position in the series; it takes this time once the ones before are done. */
  occurrenceIndex: z.number().int().min(1),
});
export type KeptOccurrenceDto = z.infer<typeof ZKeptOccurrence>;

export const ZToday = z.object({
  /** Today's date in the person's zone ("2026-12-01") and the zone it was read in. */
  date: z.string(),
  timeZone: z.string(),
  /** Open tasks whose planned end or deadline has passed, most overdue first. */
  overdue: z.array(ZTask),
  /** Open tasks planned today and not yet over, in time order. */
  scheduled: z.array(ZTask),
  /** Open tasks due later today that are not also planned today. */
  due: z.array(ZTask),
  /**
   * Time plans kept today for later occurrences of open repeating tasks (the task's current
   * occurrence is still to be done, listed above), in time order; not yet over.
   */
  occurrences: z.array(ZKeptOccurrence),
  /**
   * Ids of tasks in `scheduled` the planner placed that a calendar event now overlaps (a
   * conflict): the next plan moves them.
   */
  conflictIds: z.array(z.uuid()),
  /** The person has planned before (a plan run or a task with a time): Today is then their home page. */
  hasPlanned: z.boolean(),
  truncated: z.literal(true).optional(),
});
export type TodayDto = z.infer<typeof ZToday>;

/** Upcoming covers today and the next 13 days unless asked for fewer. */
export const UPCOMING_DAYS = 14;

export const ZUpcomingInput = z
  .object({
    days: z
      .number()
      .int()
      .min(1, "Ask for at least 1 day")
      .max(UPCOMING_DAYS, `Ask for at most ${UPCOMING_DAYS} days`)
      .default(UPCOMING_DAYS),
  })
  .default({ days: UPCOMING_DAYS });
export type UpcomingInput = z.infer<typeof ZUpcomingInput>;

export const ZUpcomingDay = z.object({
  /** The local date ("2026-12-01") in the person's zone. */
  date: z.string(),
  /** Open tasks starting that day, in time order. */
  scheduled: z.array(ZTask),
  /** Open tasks due that day that do not also start that day, earliest deadline first. */
  due: z.array(ZTask),
  /** Time plans kept that day for later occurrences of open repeating tasks, in time order. */
  occurrences: z.array(ZKeptOccurrence),
});

/** `scheduler.tasks.upcoming`: one entry per day from today, empty days included. */
export const ZUpcoming = z.object({
  timeZone: z.string(),
  days: z.array(ZUpcomingDay),
  truncated: z.literal(true).optional(),
});
export type UpcomingDto = z.infer<typeof ZUpcoming>;
