-- CreateIndex
CREATE INDEX "Interaction_kind_platform_status_receivedAt_id_idx" ON "Interaction"("kind", "platform", "status", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Interaction_kind_endpointId_status_receivedAt_id_idx" ON "Interaction"("kind", "endpointId", "status", "receivedAt", "id");

