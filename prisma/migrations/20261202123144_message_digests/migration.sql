-- Hand-edited: columns added in place rather than the member table rebuilt (cheaper on a large table).
ALTER TABLE "Member" ADD COLUMN "messageDigests" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Member" ADD COLUMN "messageDigestSentAt" DATETIME;
