-- CreateTable
CREATE TABLE "MallCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "merchantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'call',
    "shopperMemberId" TEXT,
    "shopperGuestId" TEXT,
    "shopperName" TEXT NOT NULL,
    "fromPath" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "outcome" TEXT,
    "agentId" TEXT,
    "ringUntil" DATETIME,
    "tried" TEXT NOT NULL DEFAULT '[]',
    "queuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME,
    "endedAt" DATETIME,
    "endedBy" TEXT,
    "shownProductId" TEXT,
    "shopperCameraOn" BOOLEAN NOT NULL DEFAULT false,
    "shopperSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MallCall_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MallRing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "result" TEXT NOT NULL DEFAULT 'ringing',
    CONSTRAINT "MallRing_callId_fkey" FOREIGN KEY ("callId") REFERENCES "MallCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "shopperMemberId" TEXT,
    "shopperGuestId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "ageCheck" TEXT NOT NULL DEFAULT 'none',
    "signedName" TEXT,
    "email" TEXT,
    "signedAt" DATETIME,
    "agentConfirmedAt" DATETIME,
    "placedAt" DATETIME,
    "totalCents" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "payment" TEXT NOT NULL DEFAULT 'due',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Order_callId_fkey" FOREIGN KEY ("callId") REFERENCES "MallCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Order_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "ageRestricted" BOOLEAN NOT NULL,
    CONSTRAINT "OrderItem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "actorId" TEXT,
    "type" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MallVisit" (
    "visitor" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "merchantSlug" TEXT,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Merchant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "tagline" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "accent" TEXT NOT NULL,
    "mark" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "routingVersion" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Merchant" ("accent", "category", "color", "createdAt", "id", "mark", "name", "slug", "tagline") SELECT "accent", "category", "color", "createdAt", "id", "mark", "name", "slug", "tagline" FROM "Merchant";
DROP TABLE "Merchant";
ALTER TABLE "new_Merchant" RENAME TO "Merchant";
CREATE UNIQUE INDEX "Merchant_slug_key" ON "Merchant"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MallCall_merchantId_status_idx" ON "MallCall"("merchantId", "status");

-- CreateIndex
CREATE INDEX "MallCall_agentId_status_idx" ON "MallCall"("agentId", "status");

-- CreateIndex
CREATE INDEX "MallCall_shopperMemberId_status_idx" ON "MallCall"("shopperMemberId", "status");

-- CreateIndex
CREATE INDEX "MallCall_shopperGuestId_status_idx" ON "MallCall"("shopperGuestId", "status");

-- CreateIndex
CREATE INDEX "MallRing_merchantId_at_idx" ON "MallRing"("merchantId", "at");

-- CreateIndex
CREATE INDEX "MallRing_callId_idx" ON "MallRing"("callId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_reference_key" ON "Order"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Order_callId_key" ON "Order"("callId");

-- CreateIndex
CREATE INDEX "Order_merchantId_createdAt_idx" ON "Order"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_shopperMemberId_idx" ON "Order"("shopperMemberId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderItem_orderId_productId_key" ON "OrderItem"("orderId", "productId");

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_at_idx" ON "OrderEvent"("orderId", "at");

-- CreateIndex
CREATE INDEX "MallVisit_lastSeenAt_idx" ON "MallVisit"("lastSeenAt");
