-- AlterTable
ALTER TABLE "connected_calendars" ADD COLUMN     "accessRole" TEXT NOT NULL DEFAULT 'owner';
