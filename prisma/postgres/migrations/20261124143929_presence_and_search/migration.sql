-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "cityKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "nameKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "presenceSetting" TEXT NOT NULL DEFAULT 'online';

-- CreateTable
CREATE TABLE "PresenceConnection" (
    "id" TEXT NOT NULL,
    "memberId" TEXT,
    "guestId" TEXT,
    "nodeId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "idle" BOOLEAN NOT NULL DEFAULT false,
    "connectedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PresenceConnection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PresenceConnection_memberId_lastSeenAt_idx" ON "PresenceConnection"("memberId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "PresenceConnection_nodeId_idx" ON "PresenceConnection"("nodeId");

-- CreateIndex
CREATE INDEX "PresenceConnection_lastSeenAt_idx" ON "PresenceConnection"("lastSeenAt");

-- CreateIndex
CREATE INDEX "Member_cityKey_idx" ON "Member"("cityKey");

-- AddForeignKey
ALTER TABLE "PresenceConnection" ADD CONSTRAINT "PresenceConnection_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
