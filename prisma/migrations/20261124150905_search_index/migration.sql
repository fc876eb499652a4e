-- CreateTable
CREATE TABLE "MemberNameWord" (
    "word" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,

    PRIMARY KEY ("word", "memberId"),
    CONSTRAINT "MemberNameWord_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NumberSuffix" (
    "suffix" TEXT NOT NULL,
    "digits" TEXT NOT NULL,

    PRIMARY KEY ("suffix", "digits"),
    CONSTRAINT "NumberSuffix_digits_fkey" FOREIGN KEY ("digits") REFERENCES "PhoneNumber" ("digits") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MemberNameWord_memberId_idx" ON "MemberNameWord"("memberId");

-- CreateIndex
CREATE INDEX "NumberSuffix_digits_idx" ON "NumberSuffix"("digits");

-- CreateIndex
CREATE INDEX "Member_listed_nameKey_idx" ON "Member"("listed", "nameKey");
