-- AlterTable
ALTER TABLE "Member" ADD COLUMN "presenceSeenAt" DATETIME;
