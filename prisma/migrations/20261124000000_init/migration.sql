-- CreateTable
CREATE TABLE "Member" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PhoneNumber" (
    "digits" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT,
    "kind" TEXT NOT NULL,
    "assignedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PhoneNumber_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NumberHold" (
    "digits" TEXT NOT NULL PRIMARY KEY,
    "holderToken" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE UNIQUE INDEX "Member_handleKey_key" ON "Member"("handleKey");

-- CreateIndex
CREATE UNIQUE INDEX "Member_emailKey_key" ON "Member"("emailKey");

-- CreateIndex
CREATE UNIQUE INDEX "PhoneNumber_memberId_key" ON "PhoneNumber"("memberId");

-- CreateIndex
CREATE INDEX "NumberHold_holderToken_idx" ON "NumberHold"("holderToken");

-- CreateIndex
CREATE INDEX "NumberHold_expiresAt_idx" ON "NumberHold"("expiresAt");

