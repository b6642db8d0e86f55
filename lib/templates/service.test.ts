import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import { HttpError } from "@/lib/http/errors";
import { discordGrid } from "@/lib/platforms/discord/fixtures/layouts";
import { qqGrid } from "@/lib/platforms/qq/fixtures/layouts";
import { listTemplatesQuery } from "./input";
import { getLayout } from "@/lib/platforms/registry";
import { createTemplate, exportTemplate, getTemplate, listTemplates, listTemplateVersions, removeTemplate, updateTemplate } from "./service";

const db = createTestDb();
afterAll(() => db.$disconnect());
beforeEach(async () => {
  await db.templateVersion.deleteMany();
  await db.template.deleteMany();
});

const create = (platform: string, name: string, layout: unknown, text = "") =>
  createTemplate(db, { platform, name, layout: layout as object, text }, "en");

async function rejection(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
  return error;
}

describe("template service (real SQLite file)", () => {
  it("creates version 1 and appends a version on every save", async () => {
    const { template } = await create("qq", "Menu", qqGrid(1, 2));
    expect(template.version).toBe(1);
    const renamed = await updateTemplate(db, template.id, { name: "Main menu" }, "en");
    const regrown = await updateTemplate(db, template.id, { layout: qqGrid(2, 2), baseVersion: 2 }, "en");
    expect([renamed.template.version, regrown.template.version]).toEqual([2, 3]);
    const versions = await listTemplateVersions(db, template.id);
    expect(versions.map((v) => [v.version, v.name])).toEqual([[3, "Main menu"], [2, "Main menu"], [1, "Menu"]]);
    expect(versions[2]!.layout).toEqual(qqGrid(1, 2));
  });

  it("rejects an invalid layout with 422 and stores nothing", async () => {
    const error = await rejection(create("qq", "Too big", qqGrid(6, 1)));
    expect(error.status).toBe(422);
    expect(error.extra.errors?.map((e) => [e.code, e.path])).toEqual([["qq.rows.max", "content.rows.5"]]);
    expect(await db.template.count()).toBe(0);
    expect(await db.templateVersion.count()).toBe(0);
  });

  it("keeps the stored version when an update is invalid", async () => {
    const { template } = await create("discord", "Buttons", discordGrid(1, 1));
    const error = await rejection(updateTemplate(db, template.id, { layout: discordGrid(1, 6) }, "en"));
    expect(error.status).toBe(422);
    const stored = await getTemplate(db, template.id);
    expect([stored.version, stored.layout]).toEqual([1, discordGrid(1, 1)]);
  });

  it("refuses a save based on an old version with 409", async () => {
    const { template } = await create("discord", "Race", discordGrid(1, 1));
    await updateTemplate(db, template.id, { name: "First", baseVersion: 1 }, "en");
    const error = await rejection(updateTemplate(db, template.id, { name: "Second", baseVersion: 1 }, "en"));
    expect(error.status).toBe(409);
    expect((await getTemplate(db, template.id)).name).toBe("First");
  });

  it("concurrent saves without a baseVersion all land, as consecutive versions", async () => {
    const { template } = await create("qq", "Busy", qqGrid(1, 1));
    const saves = await Promise.all([1, 2, 3, 4].map((n) => updateTemplate(db, template.id, { text: `edit ${n}` }, "en")));
    expect(saves.map((s) => s.template.version).sort()).toEqual([2, 3, 4, 5]);
    expect((await listTemplateVersions(db, template.id)).map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
  });

  it("rejects a scene the platform does not have", async () => {
    const error = await rejection(createTemplate(db, { platform: "qq", name: "x", text: "", layout: qqGrid(1, 1), scene: "mars" }, "en"));
    expect([error.status, error.code]).toEqual([400, "unknown_scene"]);
  });

  it("names an unknown platform", async () => {
    const error = await rejection(create("telegram", "x", {}));
    expect([error.status, error.code, error.params.platform]).toEqual([400, "unknown_platform", "telegram"]);
  });

  it("pages with a cursor, filters by platform and searches by name", async () => {
    for (let i = 0; i < 5; i++) await create(i % 2 ? "qq" : "discord", `Shop ${i}`, i % 2 ? qqGrid(1, 1) : discordGrid(1, 1));
    await create("qq", "Welcome", qqGrid(1, 1));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTemplates(db, listTemplatesQuery.parse({ limit: "2", cursor }));
      expect(page.templates.length).toBeLessThanOrEqual(2);
      seen.push(...page.templates.map((t) => t.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    const qq = await listTemplates(db, listTemplatesQuery.parse({ platform: "qq" }));
    expect(qq.templates.map((t) => t.platform)).toEqual(["qq", "qq", "qq"]);
    const shops = await listTemplates(db, listTemplatesQuery.parse({ q: "shop" }));
    expect(shops.templates).toHaveLength(5);
  });

  it("rejects a forged cursor with 400", async () => {
    const error = await rejection(listTemplates(db, listTemplatesQuery.parse({ cursor: "not-a-cursor" })));
    expect([error.status, error.code]).toEqual([400, "invalid_cursor"]);
  });

  it("exports exactly the send-message body of each platform", async () => {
    const qq = await create("qq", "QQ", qqGrid(1, 1), "# Menu");
    expect(await exportTemplate(db, qq.template.id)).toEqual({ msg_type: 2, markdown: { content: "# Menu" }, keyboard: qqGrid(1, 1) });
    const discord = await create("discord", "Discord", discordGrid(1, 1), "Pick one");
    expect(await exportTemplate(db, discord.template.id)).toEqual({ content: "Pick one", components: discordGrid(1, 1).components });
    await updateTemplate(db, discord.template.id, { layout: discordGrid(2, 1) }, "en");
    expect(await exportTemplate(db, discord.template.id, 1)).toEqual({ content: "Pick one", components: discordGrid(1, 1).components });
  });

  it("exports a Feishu card as the send body and as a callback response; an unknown form is a 400, never a 500", async () => {
    const card = getLayout("feishu").emptyLayout();
    const feishu = await create("feishu", "Card", card, "");
    expect(await exportTemplate(db, feishu.template.id)).toEqual({ msg_type: "interactive", content: JSON.stringify(card) });
    expect(await exportTemplate(db, feishu.template.id, undefined, "callbackResponse")).toEqual({ card: { type: "raw", data: card } });
    for (const form of ["toString", "__proto__", "nope"]) {
      const error = await rejection(exportTemplate(db, feishu.template.id, undefined, form));
      expect([error.status, error.code]).toEqual([400, "unknown_export"]);
    }
  });

  it("makes templates only for platforms with a layout", async () => {
    const error = await rejection(createTemplate(db, { platform: "easemob", name: "No", text: "", layout: {} }, "en"));
    expect([error.status, error.code]).toEqual([400, "unknown_platform"]);
  });

  it("deletes a template with its versions, and 404s after", async () => {
    const { template } = await create("qq", "Gone", qqGrid(1, 1));
    await removeTemplate(db, template.id);
    expect(await db.templateVersion.count({ where: { templateId: template.id } })).toBe(0);
    expect((await rejection(getTemplate(db, template.id))).status).toBe(404);
    expect((await rejection(removeTemplate(db, template.id))).status).toBe(404);
  });
});

describe("message text rules", () => {
  it("refuses Discord content over 2000 characters, and warns on empty QQ markdown", async () => {
    const long = await rejection(create("discord", "Long", discordGrid(1, 1), "x".repeat(2001)));
    expect(long.extra.errors?.map((e) => [e.code, e.path])).toEqual([["discord.text.tooLong", "text"]]);
    await expect(create("discord", "Max", discordGrid(1, 1), "x".repeat(2000))).resolves.toBeDefined();
    const qq = await create("qq", "No text", qqGrid(1, 1), "");
    expect(qq.warnings.map((w) => w.code)).toEqual(["qq.text.empty"]);
  });
});
