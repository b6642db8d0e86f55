import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import { resolveSqlitePath } from "@/lib/db/url";
import { createEndpoint } from "@/lib/endpoints/service";
import { TOKEN_MARKER } from "@/lib/platforms/feishu/at-rest";
import { AT_REST_SETTING, redactStoredBodies } from "./redact-at-rest";

const db = createTestDb();
const file = resolveSqlitePath();
afterAll(() => db.$disconnect());

const TOKEN = "old-rows-verification-token";

/** Rows as an older version stored them: the echoed token in plain text, written straight into the file. */
function storeOld(rows: { id: string; endpointId: string; platform: string; body: string; decoded?: string; status?: string }[]): void {
  const sqlite = new Database(file);
  const insert = sqlite.prepare(
    `INSERT INTO "Interaction" (id, endpointId, platform, eventId, kind, status, headers, body, decoded, receivedAt) VALUES (?, ?, ?, ?, 'button', ?, '{}', ?, ?, ?)`,
  );
  for (const row of rows) insert.run(row.id, row.endpointId, row.platform, `ev-${row.id}`, row.status ?? "answered", row.body, row.decoded ?? null, new Date().toISOString().replace("Z", "+00:00"));
  sqlite.close();
}

function read(id: string): { body: string; decoded: string | null } {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.prepare(`SELECT body, decoded FROM "Interaction" WHERE id = ?`).get(id) as { body: string; decoded: string | null };
  } finally {
    sqlite.close();
  }
}

describe("the one-time start job that hides echoed secrets in rows stored before", () => {
  it("rewrites every Feishu body and decoded copy, in small steps, once; other platforms and ciphertext stay as they were", async () => {
    const feishu = await createEndpoint(db, { platform: "feishu", name: "old feishu", mode: "manual", requireSignature: true, secrets: { appId: "cli_old", appSecret: "old-app-secret", verificationToken: TOKEN }, rules: [] }, "http://localhost", "en");
    const qq = await createEndpoint(db, { platform: "qq", name: "old qq", mode: "manual", requireSignature: true, secrets: { appId: "102000", secret: "qq-secret-value" }, rules: [] }, "http://localhost", "en");
    const plain = (n: number) => JSON.stringify({ schema: "2.0", header: { event_id: `e${n}`, token: TOKEN }, event: { action: { value: n } } });
    const encrypted = '{"encrypt":"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1RVwXHDdM="}';
    const rows = [
      ...Array.from({ length: 7 }, (_, n) => ({ id: `f${n}`, endpointId: feishu.id, platform: "feishu", body: plain(n) })),
      { id: "enc", endpointId: feishu.id, platform: "feishu", body: encrypted, decoded: plain(99) },
      { id: "refused", endpointId: feishu.id, platform: "feishu", body: `${plain(100).slice(0, 90)}…`, status: "refused" },
      { id: "qq", endpointId: qq.id, platform: "qq", body: JSON.stringify({ d: { data: TOKEN } }) },
    ];
    storeOld(rows);

    // A batch of 3 over 10 rows: several steps, each resuming where the last stopped.
    expect(await redactStoredBodies(db, 3)).toEqual({ scanned: 9, changed: 9 });
    for (let n = 0; n < 7; n++) expect(read(`f${n}`).body).toBe(plain(n).replace(TOKEN, TOKEN_MARKER));
    expect(read("enc")).toEqual({ body: encrypted, decoded: plain(99).replace(TOKEN, TOKEN_MARKER) });
    expect(read("refused").body).not.toContain(TOKEN);
    expect(read("qq").body).toContain(TOKEN);
    expect(await db.setting.findUnique({ where: { key: AT_REST_SETTING } })).toMatchObject({ value: "1" });

    // Done once: the next start does not scan again.
    storeOld([{ id: "later", endpointId: feishu.id, platform: "feishu", body: plain(7) }]);
    expect(await redactStoredBodies(db, 3)).toBeNull();
    expect(read("later").body).toContain(TOKEN);
  });
});
