-- Hand-edited: search keys compare byte-wise (COLLATE "C"), so prefix ranges
-- (key >= 'dub' AND key < 'dub~') mean the same under any database locale.
-- CreateTable
CREATE TABLE "MemberNameWord" (
    "word" TEXT COLLATE "C" NOT NULL,
    "memberId" TEXT NOT NULL,

    CONSTRAINT "MemberNameWord_pkey" PRIMARY KEY ("word","memberId")
);

-- CreateTable
CREATE TABLE "NumberSuffix" (
    "suffix" TEXT COLLATE "C" NOT NULL,
    "digits" TEXT NOT NULL,

    CONSTRAINT "NumberSuffix_pkey" PRIMARY KEY ("suffix","digits")
);

-- CreateIndex
CREATE INDEX "MemberNameWord_memberId_idx" ON "MemberNameWord"("memberId");

-- CreateIndex
CREATE INDEX "NumberSuffix_digits_idx" ON "NumberSuffix"("digits");

-- CreateIndex
CREATE INDEX "Member_listed_nameKey_idx" ON "Member"("listed", "nameKey");

-- AddForeignKey
ALTER TABLE "MemberNameWord" ADD CONSTRAINT "MemberNameWord_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumberSuffix" ADD CONSTRAINT "NumberSuffix_digits_fkey" FOREIGN KEY ("digits") REFERENCES "PhoneNumber"("digits") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-edited: the same for the city key, scanned by prefix range.
ALTER TABLE "Member" ALTER COLUMN "cityKey" TYPE TEXT COLLATE "C";
