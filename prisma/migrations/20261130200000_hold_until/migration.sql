-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN "holdUntil" DATETIME;

