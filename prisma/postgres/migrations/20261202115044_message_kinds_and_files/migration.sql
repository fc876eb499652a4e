-- AlterTable
ALTER TABLE "ConversationMessage" ADD COLUMN     "fileKey" TEXT,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "fileSize" INTEGER,
ADD COLUMN     "fileType" TEXT,
ADD COLUMN     "height" INTEGER,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'text',
ADD COLUMN     "targetSeq" INTEGER,
ADD COLUMN     "thumbKey" TEXT,
ADD COLUMN     "width" INTEGER;
