-- DropIndex
DROP INDEX "Member_cityKey_idx";

-- DropIndex
DROP INDEX "Member_listed_nameKey_idx";

-- CreateIndex
CREATE INDEX "Member_cityKey_nameKey_id_idx" ON "Member"("cityKey", "nameKey", "id");

-- CreateIndex
CREATE INDEX "Member_listed_nameKey_id_idx" ON "Member"("listed", "nameKey", "id");
