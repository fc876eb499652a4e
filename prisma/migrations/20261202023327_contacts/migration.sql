-- CreateTable
CREATE TABLE "Contact" (
    "ownerId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "sees" TEXT NOT NULL DEFAULT 'none',
    "preapproved" BOOLEAN NOT NULL DEFAULT false,
    "requestedAt" DATETIME,
    "inBook" BOOLEAN NOT NULL DEFAULT false,
    "nickname" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "favourite" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("ownerId", "contactId"),
    CONSTRAINT "Contact_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Contact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContactGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactGroup_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContactGroupEntry" (
    "groupId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,

    PRIMARY KEY ("groupId", "contactId"),
    CONSTRAINT "ContactGroupEntry_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ContactGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContactGroupEntry_ownerId_contactId_fkey" FOREIGN KEY ("ownerId", "contactId") REFERENCES "Contact" ("ownerId", "contactId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PresenceBlind" (
    "ownerId" TEXT NOT NULL,
    "hiddenFromId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("ownerId", "hiddenFromId"),
    CONSTRAINT "PresenceBlind_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PresenceBlind_hiddenFromId_fkey" FOREIGN KEY ("hiddenFromId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AvailabilityWatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "askerId" TEXT NOT NULL,
    "watchedId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "firedAt" DATETIME,
    "firedBy" TEXT,
    "canceledAt" DATETIME,
    "openKey" TEXT,
    CONSTRAINT "AvailabilityWatch_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AvailabilityWatch_watchedId_fkey" FOREIGN KEY ("watchedId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "presenceSeenAt" DATETIME,
    "emailVerifiedAt" DATETIME,
    "acceptsGuestMessages" BOOLEAN NOT NULL DEFAULT true,
    "presenceAudience" TEXT NOT NULL DEFAULT 'everyone',
    "presenceEveryoneDetail" TEXT NOT NULL DEFAULT 'full',
    "presenceContactDetail" TEXT NOT NULL DEFAULT 'full',
    "rosterVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Member" ("acceptsGuestMessages", "birthDate", "city", "cityKey", "createdAt", "displayName", "email", "emailAddressable", "emailKey", "emailVerifiedAt", "handle", "handleKey", "id", "interests", "listed", "nameKey", "passwordHash", "photoKey", "presenceSeenAt", "presenceSetting", "updatedAt") SELECT "acceptsGuestMessages", "birthDate", "city", "cityKey", "createdAt", "displayName", "email", "emailAddressable", "emailKey", "emailVerifiedAt", "handle", "handleKey", "id", "interests", "listed", "nameKey", "passwordHash", "photoKey", "presenceSeenAt", "presenceSetting", "updatedAt" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE UNIQUE INDEX "Member_handleKey_key" ON "Member"("handleKey");
CREATE UNIQUE INDEX "Member_emailKey_key" ON "Member"("emailKey");
CREATE INDEX "Member_cityKey_nameKey_id_idx" ON "Member"("cityKey", "nameKey", "id");
CREATE INDEX "Member_nameKey_id_idx" ON "Member"("nameKey", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Contact_contactId_idx" ON "Contact"("contactId");

-- CreateIndex
CREATE INDEX "Contact_ownerId_version_idx" ON "Contact"("ownerId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ContactGroup_ownerId_nameKey_key" ON "ContactGroup"("ownerId", "nameKey");

-- CreateIndex
CREATE INDEX "ContactGroupEntry_ownerId_contactId_idx" ON "ContactGroupEntry"("ownerId", "contactId");

-- CreateIndex
CREATE INDEX "PresenceBlind_hiddenFromId_idx" ON "PresenceBlind"("hiddenFromId");

-- CreateIndex
CREATE UNIQUE INDEX "AvailabilityWatch_openKey_key" ON "AvailabilityWatch"("openKey");

-- CreateIndex
CREATE INDEX "AvailabilityWatch_watchedId_firedAt_idx" ON "AvailabilityWatch"("watchedId", "firedAt");

-- CreateIndex
CREATE INDEX "AvailabilityWatch_askerId_createdAt_idx" ON "AvailabilityWatch"("askerId", "createdAt");
