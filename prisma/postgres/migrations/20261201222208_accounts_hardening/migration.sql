-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "acceptsGuestMessages" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "MallCall" ADD COLUMN     "shopperAddress" TEXT;

-- CreateTable
CREATE TABLE "EmailVerification" (
    "tokenHash" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailVerification_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "SenderQuota" (
    "senderKey" TEXT NOT NULL,
    "touchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SenderQuota_pkey" PRIMARY KEY ("senderKey")
);

-- CreateIndex
CREATE INDEX "EmailVerification_memberId_idx" ON "EmailVerification"("memberId");

-- CreateIndex
CREATE INDEX "MallCall_shopperAddress_status_idx" ON "MallCall"("shopperAddress", "status");

-- AddForeignKey
ALTER TABLE "EmailVerification" ADD CONSTRAINT "EmailVerification_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
