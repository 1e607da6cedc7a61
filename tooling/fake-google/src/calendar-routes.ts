import type { FastifyInstance, FastifyRequest } from "fastify";
import type { EventInput, FakeCalendar } from "./calendar-types.ts";
import type { FakeGoogleCore } from "./fake-google-core.ts";
import { type ApiErrorSpec, calendarErrors, GoogleApiError, sendApiError } from "./google-errors.ts";
import type { AccessToken } from "./grants.ts";
import { type ListEventsParams, listEvents } from "./list-events.ts";
import { CALENDAR_ACCESS, type CalendarAccess, SCOPES } from "./scopes.ts";

type Query = Record<string, string | string[] | undefined>;
type CalendarParams = { calendarId: string };
type EventParams = { calendarId: string; eventId: string };

const SEND_UPDATES = new Set(["all", "externalOnly", "none"]);
const DEFAULT_CALENDAR_LIST_PAGE = 100;
const MAX_CALENDAR_LIST_PAGE = 250;

/** www.googleapis.com/calendar/v3: the calendar list, calendars.insert, events and events.watch. */
export function registerCalendarRoutes(app: FastifyInstance, core: FakeGoogleCore): void {
  /** The caller's access token, or Google's 401 answer. */
  const authenticate = (request: FastifyRequest): AccessToken => {
    const header = request.headers.authorization;
    if (!header) throw new GoogleApiError(calendarErrors.loginRequired());
    const bearer = /^Bearer (.+)$/i.exec(header)?.[1];
    const token = bearer ? core.grants.validAccessToken(bearer) : undefined;
    if (!token) throw new GoogleApiError(calendarErrors.invalidCredentials());
    return token;
  };

  const require = (token: AccessToken, access: CalendarAccess, calendar?: FakeCalendar): void => {
    const allowed: readonly string[] = CALENDAR_ACCESS[access];
    if (token.scopes.some((scope) => allowed.includes(scope))) return;
    // calendar.app.created reaches the events of calendars this client created, and nothing else.
    const appCreated =
      token.scopes.includes(SCOPES.appCreated) &&
      (access === "readEvents" || access === "writeEvents") &&
      calendar?.createdByClientId === token.grant.clientId;
    if (!appCreated) throw new GoogleApiError(calendarErrors.insufficientScopes());
  };

  const calendarFor = (token: AccessToken, calendarId: string) => core.calendars.ownedBy(token.grant.email, calendarId);

  /** The calendar for a write: scopes first (as Google checks them), then the account's access to it. */
  const writableCalendarFor = (token: AccessToken, calendarId: string): FakeCalendar => {
    const calendar = calendarFor(token, calendarId);
    require(token, "writeEvents", calendar);
    if (calendar.accessRole === "reader" || calendar.accessRole === "freeBusyReader") {
      throw new GoogleApiError(calendarErrors.requiredAccessLevel());
    }
    return calendar;
  };

  const checkSendUpdates = (query: Query) => {
    const value = one(query.sendUpdates);
    if (value !== undefined && !SEND_UPDATES.has(value)) {
      throw new GoogleApiError(calendarErrors.invalid(`Invalid value for: sendUpdates: ${value}`, "sendUpdates"));
    }
  };

  app.register(
    (calendarApi, _options, done) => {
      calendarApi.setErrorHandler((error, _request, reply) => {
        if (error instanceof GoogleApiError) return sendApiError(reply, error.spec);
        const status = (error as { statusCode?: number }).statusCode;
        if (status && status < 500) {
          return sendApiError(reply, {
            status,
            reason: status === 400 ? "parseError" : "invalid",
            message: (error as Error).message,
          });
        }
        calendarApi.log.error(error);
        return sendApiError(reply, { status: 500, reason: "backendError", message: "Backend Error" });
      });

      calendarApi.get("/users/me/calendarList", async (request) => {
        const token = authenticate(request);
        require(token, "listCalendars");
        const query = request.query as Query;
        const maxResults = readInteger(one(query.maxResults), "maxResults") ?? DEFAULT_CALENDAR_LIST_PAGE;
        const offset = readPageOffset(one(query.pageToken));
        const calendars = core.calendars.calendarsOf(token.grant.email);
        const page = calendars.slice(offset, offset + Math.min(maxResults, MAX_CALENDAR_LIST_PAGE));
        const more = offset + page.length < calendars.length;
        return {
          kind: "calendar#calendarList",
          etag: `"${Math.max(0, ...calendars.map((calendar) => calendar.etagSeq))}"`,
          ...(more
            ? { nextPageToken: Buffer.from(`cl:${offset + page.length}`).toString("base64url") }
            : { nextSyncToken: Buffer.from(`cls:${core.calendars.changeSeq}`).toString("base64url") }),
          items: page.map((calendar) => core.calendars.listEntry(calendar)),
        };
      });

      calendarApi.get<{ Params: CalendarParams }>("/users/me/calendarList/:calendarId", async (request) => {
        const token = authenticate(request);
        require(token, "listCalendars");
        return core.calendars.listEntry(calendarFor(token, request.params.calendarId));
      });

      calendarApi.post("/calendars", async (request) => {
        const token = authenticate(request);
        require(token, "createCalendar");
        const body = (request.body ?? {}) as { summary?: string; description?: string; timeZone?: string };
        const calendar = core.calendars.createCalendar(token.grant.email, {
          summary: body.summary ?? "",
          ...(body.description ? { description: body.description } : {}),
          ...(body.timeZone ? { timeZone: body.timeZone } : {}),
          createdByClientId: token.grant.clientId,
        });
        return core.calendars.calendarResource(calendar);
      });

      calendarApi.get<{ Params: CalendarParams }>("/calendars/:calendarId", async (request) => {
        const token = authenticate(request);
        const calendar = calendarFor(token, request.params.calendarId);
        require(token, "readEvents", calendar);
        return core.calendars.calendarResource(calendar);
      });

      calendarApi.get<{ Params: CalendarParams }>("/calendars/:calendarId/events", async (request) => {
        const token = authenticate(request);
        const calendar = calendarFor(token, request.params.calendarId);
        require(token, "readEvents", calendar);
        return listEvents(core.calendars, calendar, readListParams(request.query as Query));
      });

      calendarApi.post<{ Params: CalendarParams }>("/calendars/:calendarId/events", async (request) => {
        const token = authenticate(request);
        const calendar = writableCalendarFor(token, request.params.calendarId);
        checkSendUpdates(request.query as Query);
        return core.calendars.insertEvent(calendar.id, (request.body ?? {}) as EventInput);
      });

      calendarApi.post<{ Params: CalendarParams }>("/calendars/:calendarId/events/watch", async (request) => {
        const token = authenticate(request);
        const calendar = calendarFor(token, request.params.calendarId);
        require(token, "readEvents", calendar);
        const body = (request.body ?? {}) as {
          id?: string;
          type?: string;
          address?: string;
          token?: string;
          expiration?: string | number;
          params?: { ttl?: string };
        };
        if (!body.id) throw new GoogleApiError(calendarErrors.required("channel id is required"));
        if (body.type !== "web_hook" && body.type !== "webhook") {
          throw new GoogleApiError(calendarErrors.invalid(`Invalid value for: type: ${body.type}`));
        }
        if (!body.address || !/^https?:\/\//.test(body.address)) {
          throw new GoogleApiError(
            calendarErrors.invalid(`WebHook callback must be an http(s) address: ${body.address ?? ""}`),
          );
        }
        if (core.channels.list().some((channel) => channel.id === body.id && !channel.stopped)) {
          throw new GoogleApiError({ status: 400, reason: "channelIdNotUnique", message: "Channel id not unique" });
        }
        const ttl = body.params?.ttl === undefined ? undefined : Number(body.params.ttl);
        const channel = core.channels.open({
          calendarId: calendar.id,
          id: body.id,
          address: body.address,
          ...(body.token !== undefined ? { token: body.token } : {}),
          ...(body.expiration !== undefined ? { expiration: Number(body.expiration) } : {}),
          ...(ttl !== undefined && Number.isFinite(ttl) ? { ttlSeconds: ttl } : {}),
        });
        return {
          kind: "api#channel",
          id: channel.id,
          resourceId: channel.resourceId,
          resourceUri: channel.resourceUri,
          ...(channel.token !== undefined ? { token: channel.token } : {}),
          expiration: String(channel.expiration),
        };
      });

      calendarApi.post("/channels/stop", async (request, reply) => {
        authenticate(request);
        const body = (request.body ?? {}) as { id?: string; resourceId?: string };
        if (!core.channels.stop(body.id ?? "", body.resourceId ?? "")) {
          throw new GoogleApiError(calendarErrors.notFound());
        }
        return reply.code(204).send();
      });

      calendarApi.get<{ Params: EventParams }>("/calendars/:calendarId/events/:eventId", async (request) => {
        const token = authenticate(request);
        const calendar = calendarFor(token, request.params.calendarId);
        require(token, "readEvents", calendar);
        return core.calendars.getEvent(calendar.id, request.params.eventId);
      });

      calendarApi.patch<{ Params: EventParams }>("/calendars/:calendarId/events/:eventId", async (request) => {
        const token = authenticate(request);
        const calendar = writableCalendarFor(token, request.params.calendarId);
        checkSendUpdates(request.query as Query);
        return core.calendars.patchEvent(
          calendar.id,
          request.params.eventId,
          (request.body ?? {}) as Record<string, unknown>,
        );
      });

      calendarApi.put<{ Params: EventParams }>("/calendars/:calendarId/events/:eventId", async (request) => {
        const token = authenticate(request);
        const calendar = writableCalendarFor(token, request.params.calendarId);
        checkSendUpdates(request.query as Query);
        return core.calendars.replaceEvent(calendar.id, request.params.eventId, (request.body ?? {}) as EventInput);
      });

      calendarApi.delete<{ Params: EventParams }>("/calendars/:calendarId/events/:eventId", async (request, reply) => {
        const token = authenticate(request);
        const calendar = writableCalendarFor(token, request.params.calendarId);
        checkSendUpdates(request.query as Query);
        core.calendars.deleteEvent(calendar.id, request.params.eventId);
        return reply.code(204).send();
      });
      done();
    },
    { prefix: "/calendar/v3" },
  );
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function many(value: string | string[] | undefined): string[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}

function invalidParameter(name: string, value: string): ApiErrorSpec {
  return calendarErrors.invalid(`Invalid value '${value}' for ${name}.`, name);
}

function readInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) throw new GoogleApiError(invalidParameter(name, value));
  return number;
}

function readBoolean(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value !== "true" && value !== "false") throw new GoogleApiError(invalidParameter(name, value));
  return value === "true";
}

function readPageOffset(pageToken: string | undefined): number {
  if (pageToken === undefined) return 0;
  const match = /^cl:(\d+)$/.exec(Buffer.from(pageToken, "base64url").toString("utf8"));
  if (!match?.[1]) throw new GoogleApiError(calendarErrors.invalid("Invalid page token value.", "pageToken"));
  return Number(match[1]);
}

function readListParams(query: Query): ListEventsParams {
  const params: ListEventsParams = {};
  const text = ["syncToken", "pageToken", "timeMin", "timeMax", "updatedMin", "orderBy", "q", "iCalUID"] as const;
  for (const name of text) {
    const value = one(query[name]);
    if (value !== undefined) params[name] = value;
  }
  const maxResults = readInteger(one(query.maxResults), "maxResults");
  if (maxResults !== undefined) params.maxResults = maxResults;
  const singleEvents = readBoolean(one(query.singleEvents), "singleEvents");
  if (singleEvents !== undefined) params.singleEvents = singleEvents;
  const showDeleted = readBoolean(one(query.showDeleted), "showDeleted");
  if (showDeleted !== undefined) params.showDeleted = showDeleted;
  const privateProperties = many(query.privateExtendedProperty);
  if (privateProperties) params.privateExtendedProperty = privateProperties;
  const sharedProperties = many(query.sharedExtendedProperty);
  if (sharedProperties) params.sharedExtendedProperty = sharedProperties;
  return params;
}
