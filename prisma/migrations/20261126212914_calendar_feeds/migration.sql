-- CreateTable
CREATE TABLE "calendar_feeds" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSyncedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "eventCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "busy_events" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "feedId" UUID NOT NULL,
    "uid" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "busy_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "calendar_feeds_userId_idx" ON "calendar_feeds"("userId");

-- CreateIndex
CREATE INDEX "calendar_feeds_lastSyncedAt_idx" ON "calendar_feeds"("lastSyncedAt");

-- CreateIndex
CREATE INDEX "busy_events_userId_start_idx" ON "busy_events"("userId", "start");

-- CreateIndex
CREATE INDEX "busy_events_userId_end_idx" ON "busy_events"("userId", "end");

-- CreateIndex
CREATE UNIQUE INDEX "busy_events_feedId_uid_key" ON "busy_events"("feedId", "uid");

-- AddForeignKey
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "busy_events" ADD CONSTRAINT "busy_events_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "busy_events" ADD CONSTRAINT "busy_events_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "calendar_feeds"("id") ON DELETE CASCADE ON UPDATE CASCADE;
