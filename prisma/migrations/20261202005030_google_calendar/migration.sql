-- CreateEnum
CREATE TYPE "CalendarConnectionStatus" AS ENUM ('ok', 'syncing', 'needs_reconnect', 'error');

-- CreateTable
CREATE TABLE "calendar_connections" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'google',
    "externalAccountId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "CalendarConnectionStatus" NOT NULL DEFAULT 'ok',
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMPTZ(3),
    "scope" TEXT NOT NULL DEFAULT '',
    "lastSyncedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calendar_connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connected_calendars" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "connectionId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT,
    "primary" BOOLEAN NOT NULL DEFAULT false,
    "busy" BOOLEAN NOT NULL DEFAULT false,
    "allDayBusy" BOOLEAN NOT NULL DEFAULT false,
    "writeTarget" BOOLEAN NOT NULL DEFAULT false,
    "syncToken" TEXT,
    "lastSyncedAt" TIMESTAMPTZ(3),
    "channelId" TEXT,
    "channelResourceId" TEXT,
    "channelToken" TEXT,
    "channelExpiresAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "connected_calendars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_events" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "calendarId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,
    "allDay" BOOLEAN NOT NULL DEFAULT false,
    "busy" BOOLEAN NOT NULL,
    "updated" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calendar_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_calendar_events" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "calendarId" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "blockIndex" INTEGER NOT NULL DEFAULT 0,
    "externalEventId" TEXT NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,
    "summary" TEXT NOT NULL,
    "taskVersion" INTEGER NOT NULL,
    "googleUpdated" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "task_calendar_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_oauth_states" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "returnTo" TEXT NOT NULL DEFAULT '/settings',
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_oauth_states_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "calendar_connections_userId_idx" ON "calendar_connections"("userId");

-- CreateIndex
CREATE INDEX "calendar_connections_status_lastSyncedAt_idx" ON "calendar_connections"("status", "lastSyncedAt");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_connections_userId_kind_externalAccountId_key" ON "calendar_connections"("userId", "kind", "externalAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "connected_calendars_channelId_key" ON "connected_calendars"("channelId");

-- CreateIndex
CREATE INDEX "connected_calendars_userId_idx" ON "connected_calendars"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "connected_calendars_connectionId_externalId_key" ON "connected_calendars"("connectionId", "externalId");

-- CreateIndex
CREATE INDEX "calendar_events_userId_start_idx" ON "calendar_events"("userId", "start");

-- CreateIndex
CREATE INDEX "calendar_events_userId_end_idx" ON "calendar_events"("userId", "end");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_events_calendarId_externalId_key" ON "calendar_events"("calendarId", "externalId");

-- CreateIndex
CREATE INDEX "task_calendar_events_userId_taskId_idx" ON "task_calendar_events"("userId", "taskId");

-- CreateIndex
CREATE UNIQUE INDEX "task_calendar_events_calendarId_taskId_blockIndex_key" ON "task_calendar_events"("calendarId", "taskId", "blockIndex");

-- CreateIndex
CREATE UNIQUE INDEX "task_calendar_events_calendarId_externalEventId_key" ON "task_calendar_events"("calendarId", "externalEventId");

-- CreateIndex
CREATE INDEX "calendar_oauth_states_expiresAt_idx" ON "calendar_oauth_states"("expiresAt");

-- AddForeignKey
ALTER TABLE "calendar_connections" ADD CONSTRAINT "calendar_connections_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connected_calendars" ADD CONSTRAINT "connected_calendars_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connected_calendars" ADD CONSTRAINT "connected_calendars_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "calendar_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_events" ADD CONSTRAINT "calendar_events_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_events" ADD CONSTRAINT "calendar_events_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "connected_calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_calendar_events" ADD CONSTRAINT "task_calendar_events_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_calendar_events" ADD CONSTRAINT "task_calendar_events_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "connected_calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_oauth_states" ADD CONSTRAINT "calendar_oauth_states_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one write-target calendar per person.
CREATE UNIQUE INDEX "connected_calendars_one_write_target" ON "connected_calendars"("userId") WHERE "writeTarget";

-- Connections carry a version like tasks (what sync compares).
CREATE TRIGGER "calendar_connections_bump_version" BEFORE UPDATE ON "calendar_connections" FOR EACH ROW EXECUTE FUNCTION "bump_version"();
