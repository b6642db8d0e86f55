-- CreateTable
CREATE TABLE "SimulatorRecord" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimulatorRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SimulatorRecord_kind_id_idx" ON "SimulatorRecord"("kind", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SimulatorRecord_kind_key_key" ON "SimulatorRecord"("kind", "key");

