-- CreateTable
CREATE TABLE "PresenceConnection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT,
    "guestId" TEXT,
    "nodeId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "idle" BOOLEAN NOT NULL DEFAULT false,
    "connectedAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    CONSTRAINT "PresenceConnection_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Member" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "handle" TEXT NOT NULL,
    "handleKey" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "birthDate" DATETIME NOT NULL,
    "city" TEXT NOT NULL,
    "interests" TEXT NOT NULL DEFAULT '[]',
    "photoKey" TEXT,
    "listed" BOOLEAN NOT NULL DEFAULT true,
    "emailAddressable" BOOLEAN NOT NULL DEFAULT false,
    "nameKey" TEXT NOT NULL DEFAULT '',
    "cityKey" TEXT NOT NULL DEFAULT '',
    "presenceSetting" TEXT NOT NULL DEFAULT 'online',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Member" ("birthDate", "city", "createdAt", "displayName", "email", "emailAddressable", "emailKey", "handle", "handleKey", "id", "interests", "listed", "passwordHash", "photoKey", "updatedAt") SELECT "birthDate", "city", "createdAt", "displayName", "email", "emailAddressable", "emailKey", "handle", "handleKey", "id", "interests", "listed", "passwordHash", "photoKey", "updatedAt" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE UNIQUE INDEX "Member_handleKey_key" ON "Member"("handleKey");
CREATE UNIQUE INDEX "Member_emailKey_key" ON "Member"("emailKey");
CREATE INDEX "Member_cityKey_idx" ON "Member"("cityKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PresenceConnection_memberId_lastSeenAt_idx" ON "PresenceConnection"("memberId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "PresenceConnection_nodeId_idx" ON "PresenceConnection"("nodeId");

-- CreateIndex
CREATE INDEX "PresenceConnection_lastSeenAt_idx" ON "PresenceConnection"("lastSeenAt");
