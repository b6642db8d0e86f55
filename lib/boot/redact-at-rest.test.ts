import { afterAll, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { interactionStore } from "@/lib/interactions/store";
import { TOKEN_MARKER } from "@/lib/platforms/feishu/at-rest";
import { AT_REST_SETTING, redactStoredBodies } from "./redact-at-rest";

const db = await createEachTestDb();
afterAll(() => db.$disconnect());

const TOKEN = "old-rows-verification-token";

/** Rows as an older version stored them: the echoed token in plain text, written by the raw store as is. */
async function storeOld(rows: { id: string; endpointId: string; platform: string; body: string; decoded?: string; status?: string }[]): Promise<void> {
  for (const row of rows) {
    await interactionStore().insert({ id: row.id, endpointId: row.endpointId, platform: row.platform, eventId: `ev-${row.id}`, kind: "button", status: row.status ?? "answered", headers: "{}", body: row.body, decoded: row.decoded, receivedAt: new Date() });
  }
}

async function read(id: string): Promise<{ body: string; decoded: string | null }> {
  return db.interaction.findUniqueOrThrow({ where: { id }, select: { body: true, decoded: true } });
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
    await storeOld(rows);

    // A batch of 3 over 10 rows: several steps, each resuming where the last stopped.
    expect(await redactStoredBodies(db, 3)).toEqual({ scanned: 9, changed: 9 });
    for (let n = 0; n < 7; n++) expect((await read(`f${n}`)).body).toBe(plain(n).replace(TOKEN, TOKEN_MARKER));
    expect(await read("enc")).toEqual({ body: encrypted, decoded: plain(99).replace(TOKEN, TOKEN_MARKER) });
    expect((await read("refused")).body).not.toContain(TOKEN);
    expect((await read("qq")).body).toContain(TOKEN);
    expect(await db.setting.findUnique({ where: { key: AT_REST_SETTING } })).toMatchObject({ value: "1" });

    // Done once: the next start does not scan again.
    await storeOld([{ id: "later", endpointId: feishu.id, platform: "feishu", body: plain(7) }]);
    expect(await redactStoredBodies(db, 3)).toBeNull();
    expect((await read("later")).body).toContain(TOKEN);
  });
});
