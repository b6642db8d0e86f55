-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN     "holdUntil" TIMESTAMP(3);

