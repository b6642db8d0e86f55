-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "holdMs" INTEGER,
ADD COLUMN     "resultDelivery" TEXT;

-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN     "replyChannel" TEXT;

