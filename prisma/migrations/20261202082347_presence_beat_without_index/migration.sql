-- DropIndex
DROP INDEX "PresenceConnection_memberId_lastSeenAt_idx";

-- DropIndex
DROP INDEX "PresenceConnection_lastSeenAt_idx";

-- CreateIndex
CREATE INDEX "PresenceConnection_memberId_idx" ON "PresenceConnection"("memberId");
