-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "handleKey" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "birthDate" TIMESTAMP(3) NOT NULL,
    "city" TEXT NOT NULL,
    "interests" TEXT NOT NULL DEFAULT '[]',
    "photoKey" TEXT,
    "listed" BOOLEAN NOT NULL DEFAULT true,
    "emailAddressable" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PhoneNumber" (
    "digits" TEXT NOT NULL,
    "memberId" TEXT,
    "kind" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhoneNumber_pkey" PRIMARY KEY ("digits")
);

-- CreateTable
CREATE TABLE "NumberHold" (
    "digits" TEXT NOT NULL,
    "holderToken" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NumberHold_pkey" PRIMARY KEY ("digits")
);

-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("name")
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

-- AddForeignKey
ALTER TABLE "PhoneNumber" ADD CONSTRAINT "PhoneNumber_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

