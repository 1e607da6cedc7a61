import { RetryLaterError } from "@agendacraft/db/jobs";
import type { calendar_v3 } from "@googleapis/calendar";
import type { DesiredTaskEvent } from "./desired-task-events.ts";
import { isQuotaFailure, readGoogleFailure } from "./google-api-error.ts";

/** The private extended property that marks an event as AgendaCraft's, naming its task. */
export const TASK_ID_PROPERTY = "agendacraftTaskId";

/** What Google answered for an event we wrote: its `updated`, compared by the next sync. */
export type WrittenEvent = { updated: Date | null };

/**
 * The calls the write-back makes to one calendar. Nobody is invited or notified
 * (`sendUpdates: "none"`, no attendees), and the event blocks time like the work it stands for.
 */
export type TaskEventCalendar = {
  /** Inserts the event; when its id is taken (even by an event deleted in Google) restores and updates that one. */
  put(taskId: string, eventId: string, event: DesiredTaskEvent): Promise<WrittenEvent>;
  /** Updates the event (restoring it if it was deleted in Google). */
  patch(taskId: string, eventId: string, event: DesiredTaskEvent): Promise<WrittenEvent>;
  /** Deletes the event; one already gone counts as deleted. */
  remove(eventId: string): Promise<void>;
};

export function taskEventBody(taskId: string, eventId: string, event: DesiredTaskEvent): calendar_v3.Schema$Event {
  return {
    id: eventId,
    summary: event.summary,
    start: { dateTime: event.start.toISOString() },
    end: { dateTime: event.end.toISOString() },
    // A deleted event keeps its id in Google: writing it again must bring it back.
    status: "confirmed",
    transparency: "opaque",
    extendedProperties: { private: { [TASK_ID_PROPERTY]: taskId } },
  };
}

export function taskEventCalendar(api: calendar_v3.Calendar, calendarId: string): TaskEventCalendar {
  const written = (data: calendar_v3.Schema$Event): WrittenEvent => ({
    updated: data.updated ? new Date(data.updated) : null,
  });
  const patch = async (taskId: string, eventId: string, event: DesiredTaskEvent) => {
    const { data } = await call(() =>
      api.events.patch({
        calendarId,
        eventId,
        sendUpdates: "none",
        requestBody: taskEventBody(taskId, eventId, event),
      }),
    );
    return written(data);
  };
  return {
    async put(taskId, eventId, event) {
      try {
        const { data } = await call(() =>
          api.events.insert({ calendarId, sendUpdates: "none", requestBody: taskEventBody(taskId, eventId, event) }),
        );
        return written(data);
      } catch (error) {
        if (!(error instanceof GoogleCallError) || error.status !== 409) throw error;
        // Already there (a retry after a lost answer) or deleted in Google: the id stays taken.
        return patch(taskId, eventId, event);
      }
    },
    patch,
    async remove(eventId) {
      try {
        await call(() => api.events.delete({ calendarId, eventId, sendUpdates: "none" }));
      } catch (error) {
        // 410: deleted before (in Google, or by a write whose answer was lost); 404: never made.
        if (error instanceof GoogleCallError && (error.status === 404 || error.status === 410)) return;
        throw error;
      }
    },
  };
}

/** A failed Google call: its status, so callers can branch, and Google's words. */
export class GoogleCallError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly reason: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "GoogleCallError";
  }
}

/**
 * Runs one call. A quota answer (429, or 403 with a rate or usage reason) becomes a
 * RetryLaterError, so the job is retried with backoff and not before Google's Retry-After.
 */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    const failure = readGoogleFailure(error);
    if (isQuotaFailure(failure)) {
      throw new RetryLaterError(failure.retryAfterSeconds ?? 0, `Google asked to slow down: ${failure.message}`, {
        cause: error,
      });
    }
    throw new GoogleCallError(failure.status, failure.reason, `Google Calendar refused: ${failure.message}`, {
      cause: error,
    });
  }
}
