-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "messageDigestSentAt" TIMESTAMP(3),
ADD COLUMN     "messageDigests" BOOLEAN NOT NULL DEFAULT true;
