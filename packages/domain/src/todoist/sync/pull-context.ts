import type { Prisma } from "@agendacraft/db/prisma";
import type { Clock } from "../../shared/clock.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { TodoistItem } from "../api/todoist-objects.ts";
import { type ItemMapping, mapTodoistItem } from "../mapping/map-todoist-item.ts";
import type { ProjectTarget } from "./apply-todoist-projects.ts";
import type { PullResult } from "./pull-types.ts";

/** What every step of one pull reads: whose data, the person's zone, and where results go. */
export type PullContext = {
  userId: string;
  connectionId: string;
  /** The person's IANA zone (users.timeZone). */
  zone: string;
  clock: Clock;
  /** "Now" for the whole run, so every item of it is mapped against the same moment. */
  now: Date;
  /** Todoist project id -> where its tasks go here. */
  targets: Map<string, ProjectTarget>;
  /** Todoist section id -> its name. */
  sectionNames: Map<string, string>;
  /** Recurring items ticked in Todoist since the last read of completions (their due moved). */
  completedInTodoist: Set<string>;
  result: PullResult;
};

export type BatchContext = PullContext & { tx: Prisma.TransactionClient; events: EventRecorder };

export function mapItem(context: PullContext, item: TodoistItem): ItemMapping {
  const sectionName = item.section_id ? (context.sectionNames.get(item.section_id) ?? null) : null;
  return mapTodoistItem({ item, zone: context.zone, now: context.now, sectionName });
}

/** Where an item's task goes; a project not linked (archived, or past the limit) means the inbox. */
export function targetOf(context: PullContext, item: TodoistItem): ProjectTarget {
  return context.targets.get(item.project_id) ?? { projectId: null, areaId: null };
}

export function note(context: PullContext, item: { id: string }, taskId: string | null, text: string): void {
  context.result.notes.push({ todoistId: item.id, taskId, note: text });
}
