-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "presenceSeenAt" TIMESTAMP(3);
