-- AlterTable
ALTER TABLE "Call" ADD COLUMN "meantForId" TEXT;
ALTER TABLE "Call" ADD COLUMN "note" TEXT;
ALTER TABLE "Call" ADD COLUMN "plan" TEXT;
ALTER TABLE "Call" ADD COLUMN "ringDevice" TEXT;

-- CreateTable
CREATE TABLE "RoutingRules" (
    "memberId" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 1,
    "doc" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RoutingRules_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallLeg" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "memberId" TEXT NOT NULL,
    "rang" TEXT NOT NULL DEFAULT '',
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "result" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "CallLeg_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallLeg_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CallLeg_memberId_startedAt_idx" ON "CallLeg"("memberId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CallLeg_callId_position_key" ON "CallLeg"("callId", "position");
