-- AlterTable
ALTER TABLE "MallCall" ADD COLUMN "shopperAddress" TEXT;

-- CreateTable
CREATE TABLE "EmailVerification" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailVerification_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SenderQuota" (
    "senderKey" TEXT NOT NULL PRIMARY KEY,
    "touchedAt" DATETIME NOT NULL
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
    "emailVerifiedAt" DATETIME,
    "acceptsGuestMessages" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Member" ("birthDate", "city", "cityKey", "createdAt", "displayName", "email", "emailAddressable", "emailKey", "handle", "handleKey", "id", "interests", "listed", "nameKey", "passwordHash", "photoKey", "presenceSetting", "updatedAt") SELECT "birthDate", "city", "cityKey", "createdAt", "displayName", "email", "emailAddressable", "emailKey", "handle", "handleKey", "id", "interests", "listed", "nameKey", "passwordHash", "photoKey", "presenceSetting", "updatedAt" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE UNIQUE INDEX "Member_handleKey_key" ON "Member"("handleKey");
CREATE UNIQUE INDEX "Member_emailKey_key" ON "Member"("emailKey");
CREATE INDEX "Member_cityKey_nameKey_id_idx" ON "Member"("cityKey", "nameKey", "id");
CREATE INDEX "Member_nameKey_id_idx" ON "Member"("nameKey", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EmailVerification_memberId_idx" ON "EmailVerification"("memberId");

-- CreateIndex
CREATE INDEX "MallCall_shopperAddress_status_idx" ON "MallCall"("shopperAddress", "status");
