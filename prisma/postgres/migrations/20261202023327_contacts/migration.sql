-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "presenceAudience" TEXT NOT NULL DEFAULT 'everyone',
ADD COLUMN     "presenceContactDetail" TEXT NOT NULL DEFAULT 'full',
ADD COLUMN     "presenceEveryoneDetail" TEXT NOT NULL DEFAULT 'full',
ADD COLUMN     "rosterVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Contact" (
    "ownerId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "sees" TEXT NOT NULL DEFAULT 'none',
    "preapproved" BOOLEAN NOT NULL DEFAULT false,
    "requestedAt" TIMESTAMP(3),
    "inBook" BOOLEAN NOT NULL DEFAULT false,
    "nickname" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "favourite" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("ownerId","contactId")
);

-- CreateTable
CREATE TABLE "ContactGroup" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactGroupEntry" (
    "groupId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,

    CONSTRAINT "ContactGroupEntry_pkey" PRIMARY KEY ("groupId","contactId")
);

-- CreateTable
CREATE TABLE "PresenceBlind" (
    "ownerId" TEXT NOT NULL,
    "hiddenFromId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PresenceBlind_pkey" PRIMARY KEY ("ownerId","hiddenFromId")
);

-- CreateTable
CREATE TABLE "AvailabilityWatch" (
    "id" TEXT NOT NULL,
    "askerId" TEXT NOT NULL,
    "watchedId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "firedAt" TIMESTAMP(3),
    "firedBy" TEXT,
    "canceledAt" TIMESTAMP(3),
    "openKey" TEXT,

    CONSTRAINT "AvailabilityWatch_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactGroup" ADD CONSTRAINT "ContactGroup_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactGroupEntry" ADD CONSTRAINT "ContactGroupEntry_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ContactGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactGroupEntry" ADD CONSTRAINT "ContactGroupEntry_ownerId_contactId_fkey" FOREIGN KEY ("ownerId", "contactId") REFERENCES "Contact"("ownerId", "contactId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PresenceBlind" ADD CONSTRAINT "PresenceBlind_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PresenceBlind" ADD CONSTRAINT "PresenceBlind_hiddenFromId_fkey" FOREIGN KEY ("hiddenFromId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityWatch" ADD CONSTRAINT "AvailabilityWatch_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityWatch" ADD CONSTRAINT "AvailabilityWatch_watchedId_fkey" FOREIGN KEY ("watchedId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
