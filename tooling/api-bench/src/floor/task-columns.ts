/**
 * The columns scheduler.tasks.list and .create answer with (domain taskSelect, the Todoist
 * link flattened to todoistId), as a SELECT list over `tasks t` and `todoist_tasks l`.
 */
export const TASK_COLUMNS = `t.id, t.summary, t.description, t.priority, t."order", t.minutes, t."startTime",
  t."endTime", t."dueAt", t."startAfter", t."completedAt", t."projectId", t."areaId", t."plannerId", t."parentId",
  t.labels, t.recurrence, t."recurrenceText", t."recurrenceAnchor", t."occurrenceIndex", t."previousId", t.version,
  t."createdAt", t."updatedAt", l."todoistId"`;
