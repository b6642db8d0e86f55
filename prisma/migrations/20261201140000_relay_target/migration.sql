-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN "relayTarget" TEXT;

-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN "relay" TEXT;

