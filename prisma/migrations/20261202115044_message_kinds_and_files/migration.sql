-- Hand-edited: columns added in place rather than the table rebuilt, so the full-text index
-- (ConversationMessageText, keyed by rowid) and its triggers stay as they are.
ALTER TABLE "ConversationMessage" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'text';
ALTER TABLE "ConversationMessage" ADD COLUMN "targetSeq" INTEGER;
ALTER TABLE "ConversationMessage" ADD COLUMN "fileKey" TEXT;
ALTER TABLE "ConversationMessage" ADD COLUMN "fileName" TEXT;
ALTER TABLE "ConversationMessage" ADD COLUMN "fileType" TEXT;
ALTER TABLE "ConversationMessage" ADD COLUMN "fileSize" INTEGER;
ALTER TABLE "ConversationMessage" ADD COLUMN "thumbKey" TEXT;
ALTER TABLE "ConversationMessage" ADD COLUMN "width" INTEGER;
ALTER TABLE "ConversationMessage" ADD COLUMN "height" INTEGER;
