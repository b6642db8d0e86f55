import { afterAll, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { listInteractions, listInteractionsQuery } from "@/lib/interactions/list";
import { indexQueuedSearch } from "@/lib/interactions/search-index";
import { interactionStore } from "@/lib/interactions/store";
import { SEARCH_BACKFILL_SETTING, backfillSearchText } from "./search-backfill";

const db = await createEachTestDb();
afterAll(() => db.$disconnect());

const SECRET = "qq-app-secret-in-an-old-body";
const search = async (q: string) => (await listInteractions(db, listInteractionsQuery.parse({ q }))).items.map((item) => item.id).sort();

describe("the one-time start job that makes interactions stored before search searchable", () => {
  it("gives every row without search text the one a callback now stores, in small steps, once", async () => {
    const qq = await createEndpoint(db, { platform: "qq", name: "old", mode: "manual", requireSignature: true, secrets: { appId: "102000", secret: SECRET }, rules: [] }, "http://localhost", "en");
    // As an older version stored them: no search text (the raw store writes none when given none).
    for (let n = 0; n < 7; n++) {
      const body = JSON.stringify({ d: { id: `old-event-${n}`, data: { resolved: { button_id: "b1", user_id: `user-${n}` } }, note: SECRET } });
      await interactionStore().insert({ id: `old${n}`, endpointId: qq.id, platform: "qq", eventId: `ev${n}`, kind: "button", status: "answered", control: "b1", headers: "{}", body, receivedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)) });
    }
    expect(await search("old-event")).toEqual([]);

    expect(await backfillSearchText(db, 3)).toEqual({ scanned: 7, filled: 7 });
    expect(await search("old-event")).toHaveLength(7);
    await indexQueuedSearch();
    expect(await search("old-event-4")).toEqual(["old4"]);
    expect(await search("user-6")).toEqual(["old6"]);
    // The endpoint's secret is redacted from the text, as it is from the body the API shows.
    expect(await search("app-secret-in")).toEqual([]);
    expect(await db.setting.findUnique({ where: { key: SEARCH_BACKFILL_SETTING } })).toMatchObject({ value: "1" });

    // Done once: the next start does not scan again.
    expect(await backfillSearchText(db, 3)).toBeNull();
  });
});
