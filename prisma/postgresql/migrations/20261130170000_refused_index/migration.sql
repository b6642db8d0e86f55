-- CreateIndex
CREATE INDEX "Interaction_endpointId_status_receivedAt_id_idx" ON "Interaction"("endpointId", "status", "receivedAt", "id");

