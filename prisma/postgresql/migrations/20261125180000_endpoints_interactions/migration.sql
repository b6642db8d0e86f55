-- CreateTable
CREATE TABLE "Endpoint" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'rules',
    "fallback" TEXT NOT NULL,
    "apiBaseUrl" TEXT,
    "secrets" TEXT NOT NULL,
    "handshakeAt" TIMESTAMP(3),
    "handshakeOk" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Endpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rule" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "match" TEXT NOT NULL,
    "reply" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Interaction" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "actor" TEXT,
    "scene" TEXT,
    "control" TEXT,
    "data" TEXT,
    "headers" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "reply" TEXT,
    "replySource" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "deadlineAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "Interaction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Endpoint_createdAt_id_idx" ON "Endpoint"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Rule_endpointId_position_idx" ON "Rule"("endpointId", "position");

-- CreateIndex
CREATE INDEX "Interaction_receivedAt_id_idx" ON "Interaction"("receivedAt", "id");

-- CreateIndex
CREATE INDEX "Interaction_endpointId_receivedAt_id_idx" ON "Interaction"("endpointId", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Interaction_status_receivedAt_id_idx" ON "Interaction"("status", "receivedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Interaction_endpointId_eventId_key" ON "Interaction"("endpointId", "eventId");

-- AddForeignKey
ALTER TABLE "Rule" ADD CONSTRAINT "Rule_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "Endpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "Endpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

