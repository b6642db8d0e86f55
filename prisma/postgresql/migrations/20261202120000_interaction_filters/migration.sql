-- CreateIndex
CREATE INDEX "Interaction_platform_kind_status_receivedAt_id_idx" ON "Interaction"("platform", "kind", "status", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Interaction_endpointId_kind_status_receivedAt_id_idx" ON "Interaction"("endpointId", "kind", "status", "receivedAt", "id");

