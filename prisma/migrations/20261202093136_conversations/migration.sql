-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "directKey" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "lastMessageAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ConversationMember" (
    "conversationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "readSeq" INTEGER NOT NULL DEFAULT 0,
    "deliveredSeq" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL DEFAULT 'accepted',
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("conversationId", "memberId"),
    CONSTRAINT "ConversationMember_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConversationMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "senderId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "replyToSeq" INTEGER,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConversationMessage_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationMessage_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_directKey_key" ON "Conversation"("directKey");

-- CreateIndex
CREATE INDEX "ConversationMember_memberId_idx" ON "ConversationMember"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationMessage_conversationId_seq_key" ON "ConversationMessage"("conversationId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationMessage_senderId_clientId_key" ON "ConversationMessage"("senderId", "clientId");

-- Hand-edited: full-text search of messages (lib/messages/search-messages.ts). An FTS5 index over
-- the messages' text, kept by triggers; a table rebuilt by a later migration must recreate them.
CREATE VIRTUAL TABLE "ConversationMessageText" USING fts5(
    "body",
    content = 'ConversationMessage',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER "ConversationMessage_text_insert" AFTER INSERT ON "ConversationMessage" BEGIN
    INSERT INTO "ConversationMessageText"(rowid, "body") VALUES (new.rowid, new."body");
END;
CREATE TRIGGER "ConversationMessage_text_delete" AFTER DELETE ON "ConversationMessage" BEGIN
    INSERT INTO "ConversationMessageText"("ConversationMessageText", rowid, "body") VALUES ('delete', old.rowid, old."body");
END;
CREATE TRIGGER "ConversationMessage_text_update" AFTER UPDATE OF "body" ON "ConversationMessage" BEGIN
    INSERT INTO "ConversationMessageText"("ConversationMessageText", rowid, "body") VALUES ('delete', old.rowid, old."body");
    INSERT INTO "ConversationMessageText"(rowid, "body") VALUES (new.rowid, new."body");
END;
