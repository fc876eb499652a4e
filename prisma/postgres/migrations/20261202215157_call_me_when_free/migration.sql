-- AlterTable
ALTER TABLE "AvailabilityWatch" ADD COLUMN     "callId" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'notify';

-- AlterTable
ALTER TABLE "ConversationMember" ADD COLUMN     "autoRepliedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RoutingRules" ADD COLUMN     "awayReply" TEXT NOT NULL DEFAULT '';
