-- AlterTable (added in place: Prisma's diff rebuilds the table for a column placed mid-model)
ALTER TABLE "AvailabilityWatch" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'notify';
ALTER TABLE "AvailabilityWatch" ADD COLUMN "callId" TEXT;
ALTER TABLE "ConversationMember" ADD COLUMN "autoRepliedAt" DATETIME;
ALTER TABLE "RoutingRules" ADD COLUMN "awayReply" TEXT NOT NULL DEFAULT '';
