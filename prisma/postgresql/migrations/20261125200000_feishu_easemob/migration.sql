-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "requireSignature" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN     "decoded" TEXT,
ADD COLUMN     "subject" TEXT,
ADD COLUMN     "summary" TEXT,
ADD COLUMN     "updates" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "MessageSnapshot" (
    "endpointId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "at" BIGINT NOT NULL,
    "state" TEXT NOT NULL,
    "conversation" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageSnapshot_pkey" PRIMARY KEY ("endpointId","messageId")
);

-- CreateIndex
CREATE INDEX "MessageSnapshot_endpointId_updatedAt_idx" ON "MessageSnapshot"("endpointId", "updatedAt");

-- CreateIndex
CREATE INDEX "Interaction_endpointId_subject_receivedAt_idx" ON "Interaction"("endpointId", "subject", "receivedAt");

-- AddForeignKey
ALTER TABLE "MessageSnapshot" ADD CONSTRAINT "MessageSnapshot_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "Endpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

