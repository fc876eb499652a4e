-- AlterTable
ALTER TABLE "PhoneNumber" ADD COLUMN     "spelled" TEXT,
ADD COLUMN     "word" TEXT;

-- AlterTable
ALTER TABLE "NumberHold" ADD COLUMN     "spelled" TEXT;

-- CreateIndex
CREATE INDEX "PhoneNumber_word_idx" ON "PhoneNumber"("word");
