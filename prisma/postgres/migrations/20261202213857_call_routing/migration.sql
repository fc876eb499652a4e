-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "meantForId" TEXT,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "plan" TEXT,
ADD COLUMN     "ringDevice" TEXT;

-- CreateTable
CREATE TABLE "RoutingRules" (
    "memberId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "doc" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingRules_pkey" PRIMARY KEY ("memberId")
);

-- CreateTable
CREATE TABLE "CallLeg" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "memberId" TEXT NOT NULL,
    "rang" TEXT NOT NULL DEFAULT '',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "result" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CallLeg_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CallLeg_memberId_startedAt_idx" ON "CallLeg"("memberId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CallLeg_callId_position_key" ON "CallLeg"("callId", "position");

-- AddForeignKey
ALTER TABLE "RoutingRules" ADD CONSTRAINT "RoutingRules_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallLeg" ADD CONSTRAINT "CallLeg_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallLeg" ADD CONSTRAINT "CallLeg_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
