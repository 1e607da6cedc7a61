import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { connectionNotFound } from "../calendars-errors.ts";
import { writeTargetChanged } from "../events.ts";
import type { ConnectedCalendarDto, CreateWriteCalendarInput } from "../schemas.ts";
import { connectedCalendarSelect, toConnectedCalendarDto } from "./connected-calendar.select.ts";
import { getAccessToken } from "./get-access-token.ts";
import { googleCallFailed } from "./google-call-failed.ts";
import { createCalendarApi } from "./google-clients.ts";
import type { GoogleConfig } from "./google-config.ts";
import { requireGoogle } from "./require-google.ts";
import { makeWriteTarget } from "./write-target.ts";

export const DEFAULT_WRITE_CALENDAR_NAME = "AgendaCraft";

/**
 * Creates a secondary calendar in the connection's Google account (in the person's time
 * zone) and makes it the person's write target, so planned tasks land apart from their
 * meetings. Its events are AgendaCraft's own, so it does not count as busy time.
 */
export async function createWriteCalendar({
  db,
  google,
  secrets,
  clock,
  events,
  actorId,
  input,
}: {
  db: Db;
  google: GoogleConfig | null | undefined;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  actorId: string;
  input: CreateWriteCalendarInput;
}): Promise<ConnectedCalendarDto> {
  const config = requireGoogle(google);
  const connection = await db.calendarConnection.findFirst({
    where: { id: input.connectionId, userId: actorId },
    select: { id: true, user: { select: { timeZone: true } } },
  });
  if (!connection) throw connectionNotFound();
  const name = input.name ?? DEFAULT_WRITE_CALENDAR_NAME;

  let created: { id: string; color: string | null };
  try {
    const accessToken = await getAccessToken({
      db,
      google: config,
      secrets,
      clock,
      events,
      connectionId: connection.id,
      actorId,
    });
    const { data } = await createCalendarApi(config, accessToken).calendars.insert({
      requestBody: { summary: name, timeZone: connection.user.timeZone },
    });
    if (!data.id) throw new Error("Google's calendars.insert answer has no id");
    created = { id: data.id, color: null };
  } catch (error) {
    throw googleCallFailed(error);
  }

  return withTransaction(db, async (tx) => {
    const calendar = await tx.connectedCalendar.create({
      data: {
        userId: actorId,
        connectionId: connection.id,
        externalId: created.id,
        name,
        color: created.color,
        busy: false,
      },
      select: { id: true },
    });
    await makeWriteTarget(tx, actorId, calendar.id);
    await events.record(tx, [writeTargetChanged(actorId, calendar.id, "chosen")]);
    return toConnectedCalendarDto(
      await tx.connectedCalendar.findUniqueOrThrow({ where: { id: calendar.id }, select: connectedCalendarSelect }),
    );
  });
}
