-- CreateEnum
CREATE TYPE "TodoistConnectionStatus" AS ENUM ('ok', 'needs_reconnect');

-- AlterTable
ALTER TABLE "tasks" ADD COLUMN     "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "parentId" UUID,
ADD COLUMN     "recurrenceText" TEXT;

-- CreateTable
CREATE TABLE "todoist_connections" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "todoistUserId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT,
    "authKind" TEXT NOT NULL,
    "status" "TodoistConnectionStatus" NOT NULL DEFAULT 'ok',
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMPTZ(3),
    "syncToken" TEXT NOT NULL DEFAULT '*',
    "completedSince" TIMESTAMPTZ(3),
    "lastSyncedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "runningPhase" TEXT,
    "runningDone" INTEGER NOT NULL DEFAULT 0,
    "runningTotal" INTEGER NOT NULL DEFAULT 0,
    "runningSince" TIMESTAMPTZ(3),
    "lastResult" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "todoist_connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "todoist_projects" (
    "connectionId" UUID NOT NULL,
    "todoistId" TEXT NOT NULL,
    "projectId" UUID,
    "areaId" UUID,
    "isInbox" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT NOT NULL,

    CONSTRAINT "todoist_projects_pkey" PRIMARY KEY ("connectionId","todoistId")
);

-- CreateTable
CREATE TABLE "todoist_tasks" (
    "connectionId" UUID NOT NULL,
    "todoistId" TEXT NOT NULL,
    "taskId" UUID,
    "synced" JSONB NOT NULL,
    "remoteUpdatedAt" TIMESTAMPTZ(3),
    "dirty" BOOLEAN NOT NULL DEFAULT false,
    "unmappedReason" TEXT,

    CONSTRAINT "todoist_tasks_pkey" PRIMARY KEY ("connectionId","todoistId")
);

-- CreateTable
CREATE TABLE "todoist_commands" (
    "uuid" UUID NOT NULL,
    "connectionId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "args" JSONB NOT NULL,
    "tempId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "todoist_commands_pkey" PRIMARY KEY ("uuid")
);

-- CreateTable
CREATE TABLE "todoist_oauth_states" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "returnTo" TEXT NOT NULL DEFAULT '/settings',
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "todoist_oauth_states_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "todoist_connections_userId_key" ON "todoist_connections"("userId");

-- CreateIndex
CREATE INDEX "todoist_connections_status_lastSyncedAt_idx" ON "todoist_connections"("status", "lastSyncedAt");

-- CreateIndex
CREATE UNIQUE INDEX "todoist_projects_projectId_key" ON "todoist_projects"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "todoist_projects_areaId_key" ON "todoist_projects"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "todoist_tasks_taskId_key" ON "todoist_tasks"("taskId");

-- CreateIndex
CREATE INDEX "todoist_tasks_connectionId_dirty_idx" ON "todoist_tasks"("connectionId", "dirty");

-- CreateIndex
CREATE INDEX "todoist_commands_connectionId_createdAt_idx" ON "todoist_commands"("connectionId", "createdAt");

-- CreateIndex
CREATE INDEX "todoist_oauth_states_expiresAt_idx" ON "todoist_oauth_states"("expiresAt");

-- CreateIndex
CREATE INDEX "tasks_parentId_idx" ON "tasks"("parentId");

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "todoist_connections" ADD CONSTRAINT "todoist_connections_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "todoist_projects" ADD CONSTRAINT "todoist_projects_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "todoist_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "todoist_projects" ADD CONSTRAINT "todoist_projects_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "todoist_projects" ADD CONSTRAINT "todoist_projects_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "areas"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "todoist_tasks" ADD CONSTRAINT "todoist_tasks_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "todoist_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "todoist_tasks" ADD CONSTRAINT "todoist_tasks_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "todoist_commands" ADD CONSTRAINT "todoist_commands_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "todoist_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "todoist_oauth_states" ADD CONSTRAINT "todoist_oauth_states_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Connections carry a version like tasks.
CREATE TRIGGER "todoist_connections_bump_version" BEFORE UPDATE ON "todoist_connections" FOR EACH ROW EXECUTE FUNCTION "bump_version"();
