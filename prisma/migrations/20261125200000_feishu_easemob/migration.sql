-- CreateTable
CREATE TABLE "MessageSnapshot" (
    "endpointId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "at" BIGINT NOT NULL,
    "state" TEXT NOT NULL,
    "conversation" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("endpointId", "messageId"),
    CONSTRAINT "MessageSnapshot_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "Endpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Endpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'rules',
    "fallback" TEXT NOT NULL,
    "apiBaseUrl" TEXT,
    "secrets" TEXT NOT NULL,
    "requireSignature" BOOLEAN NOT NULL DEFAULT true,
    "handshakeAt" DATETIME,
    "handshakeOk" BOOLEAN,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Endpoint" ("apiBaseUrl", "createdAt", "fallback", "handshakeAt", "handshakeOk", "id", "mode", "name", "platform", "secrets", "updatedAt") SELECT "apiBaseUrl", "createdAt", "fallback", "handshakeAt", "handshakeOk", "id", "mode", "name", "platform", "secrets", "updatedAt" FROM "Endpoint";
DROP TABLE "Endpoint";
ALTER TABLE "new_Endpoint" RENAME TO "Endpoint";
CREATE INDEX "Endpoint_createdAt_id_idx" ON "Endpoint"("createdAt", "id");
CREATE TABLE "new_Interaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "endpointId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "actor" TEXT,
    "scene" TEXT,
    "control" TEXT,
    "data" TEXT,
    "subject" TEXT,
    "summary" TEXT,
    "headers" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "decoded" TEXT,
    "reply" TEXT,
    "updates" INTEGER NOT NULL DEFAULT 0,
    "replySource" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "deadlineAt" DATETIME,
    "answeredAt" DATETIME,
    CONSTRAINT "Interaction_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "Endpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Interaction" ("actor", "answeredAt", "body", "control", "data", "deadlineAt", "endpointId", "eventId", "headers", "id", "kind", "platform", "receivedAt", "reply", "replySource", "scene", "status") SELECT "actor", "answeredAt", "body", "control", "data", "deadlineAt", "endpointId", "eventId", "headers", "id", "kind", "platform", "receivedAt", "reply", "replySource", "scene", "status" FROM "Interaction";
DROP TABLE "Interaction";
ALTER TABLE "new_Interaction" RENAME TO "Interaction";
CREATE INDEX "Interaction_receivedAt_id_idx" ON "Interaction"("receivedAt", "id");
CREATE INDEX "Interaction_endpointId_receivedAt_id_idx" ON "Interaction"("endpointId", "receivedAt", "id");
CREATE INDEX "Interaction_status_receivedAt_id_idx" ON "Interaction"("status", "receivedAt", "id");
CREATE INDEX "Interaction_endpointId_subject_receivedAt_idx" ON "Interaction"("endpointId", "subject", "receivedAt");
CREATE UNIQUE INDEX "Interaction_endpointId_eventId_key" ON "Interaction"("endpointId", "eventId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MessageSnapshot_endpointId_updatedAt_idx" ON "MessageSnapshot"("endpointId", "updatedAt");

