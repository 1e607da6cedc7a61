import type { JobSender } from "@agendacraft/db/jobs";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import { connectedCalendarNotFound, googleCalendarReadOnly } from "../calendars-errors.ts";
import { busyChanged, writeTargetChanged } from "../events.ts";
import type { ConnectedCalendarDto, UpdateCalendarInput } from "../schemas.ts";
import { canWriteEvents } from "./calendar-access.ts";
import { connectedCalendarSelect, toConnectedCalendarDto } from "./connected-calendar.select.ts";
import { GoogleSyncJob } from "./google-sync-job-type.ts";
import { makeWriteTarget } from "./write-target.ts";

/**
 * Changes what one of the actor's Google calendars is for: whether its events count as
 * busy time, whether its all-day events do, and whether plans are written to it (at most
 * one write target per person: choosing one clears the other; a read-only calendar is refused
 * with `calendars.google_calendar_read_only`). A change to busy time
 * records CalendarBusyChanged (re-plans follow); one that needs events not yet read
 * (busy turned on, all-day choice changed) queues a full sync of the connection, as does one
 * that leaves a calendar with a push channel counting for nothing (the sync stops the channel).
 */
export async function updateConnectedCalendar({
  db,
  actorId,
  input,
  events,
  jobs,
}: {
  db: Db;
  actorId: string;
  input: UpdateCalendarInput;
  events: EventRecorder;
  jobs: JobSender;
}): Promise<ConnectedCalendarDto> {
  return withTransaction(db, async (tx) => {
    const before = await tx.connectedCalendar.findFirst({
      where: { id: input.id, userId: actorId },
      select: {
        connectionId: true,
        name: true,
        busy: true,
        allDayBusy: true,
        writeTarget: true,
        accessRole: true,
        channelId: true,
      },
    });
    if (!before) throw connectedCalendarNotFound();
    // Google would refuse every event we write there.
    if (input.writeTarget === true && !before.writeTarget && !canWriteEvents(before.accessRole)) {
      throw googleCalendarReadOnly(before.name);
    }
    const busy = input.busy ?? before.busy;
    const allDayBusy = input.allDayBusy ?? before.allDayBusy;
    const allDayChanged = allDayBusy !== before.allDayBusy;

    if (input.writeTarget === true && !before.writeTarget) await makeWriteTarget(tx, actorId, input.id);
    await tx.connectedCalendar.update({
      where: { id: input.id },
      data: {
        busy,
        allDayBusy,
        ...(input.writeTarget === false ? { writeTarget: false } : {}),
        // Stored events were judged by the old all-day rule: read them all again.
        ...(allDayChanged ? { syncToken: null } : {}),
      },
    });

    if (busy !== before.busy || (busy && allDayChanged)) {
      const change = busy === before.busy ? "synced" : busy ? "added" : "removed";
      await events.record(tx, [busyChanged(actorId, input.id, change)]);
    }
    const writeTarget = input.writeTarget ?? before.writeTarget;
    if (writeTarget !== before.writeTarget) {
      await events.record(tx, [writeTargetChanged(actorId, input.id, writeTarget ? "chosen" : "cleared")]);
    }
    // A calendar that no longer counts keeps its push channel until a sync stops it.
    const channelUnneeded = before.channelId !== null && !busy && !writeTarget;
    if ((busy && !before.busy) || allDayChanged || channelUnneeded) {
      await jobs.send(GoogleSyncJob, { connectionId: before.connectionId }, { tx, singletonKey: before.connectionId });
    }
    return toConnectedCalendarDto(
      await tx.connectedCalendar.findUniqueOrThrow({ where: { id: input.id }, select: connectedCalendarSelect }),
    );
  });
}
