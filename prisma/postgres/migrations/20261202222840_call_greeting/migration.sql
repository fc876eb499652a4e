-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "greeting" TEXT;
