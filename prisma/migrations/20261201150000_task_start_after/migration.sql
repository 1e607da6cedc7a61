-- AlterTable
ALTER TABLE "tasks" ADD COLUMN     "startAfter" TIMESTAMPTZ(3);
