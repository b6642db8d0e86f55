-- CreateTable
CREATE TABLE "SimulatorRecord" (
    "id" BIGINT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "key" TEXT,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SimulatorRecord_kind_id_idx" ON "SimulatorRecord"("kind", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SimulatorRecord_kind_key_key" ON "SimulatorRecord"("kind", "key");

