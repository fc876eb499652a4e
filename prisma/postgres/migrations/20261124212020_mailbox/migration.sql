-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "senderId" TEXT,
    "senderKey" TEXT NOT NULL,
    "guestName" TEXT,
    "guestEmail" TEXT,
    "callId" TEXT,
    "kind" TEXT NOT NULL,
    "length" INTEGER NOT NULL,
    "offset" INTEGER NOT NULL DEFAULT 0,
    "slot" TEXT,
    "endsAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "senderId" TEXT,
    "senderKey" TEXT NOT NULL,
    "guestName" TEXT,
    "guestEmail" TEXT,
    "callId" TEXT,
    "kind" TEXT NOT NULL,
    "mediaKey" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "thumbKey" TEXT,
    "durationMs" INTEGER NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Greeting" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mediaKey" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "endsAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Greeting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Upload_expiresAt_idx" ON "Upload"("expiresAt");

-- CreateIndex
CREATE INDEX "Upload_senderKey_createdAt_idx" ON "Upload"("senderKey", "createdAt");

-- CreateIndex
CREATE INDEX "Message_ownerId_deletedAt_createdAt_idx" ON "Message"("ownerId", "deletedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Message_senderKey_createdAt_idx" ON "Message"("senderKey", "createdAt");

-- CreateIndex
CREATE INDEX "Message_deletedAt_idx" ON "Message"("deletedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Greeting_memberId_slot_key" ON "Greeting"("memberId", "slot");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Greeting" ADD CONSTRAINT "Greeting_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
