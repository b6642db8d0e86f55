import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import { platformAdapter } from "@/lib/platforms/registry";
import { createTemplate, getTemplate, listTemplates, listTemplateVersions, updateTemplate } from "./service";
import { savedTemplateSchema, templatePageSchema, templateViewSchema, versionViewSchema } from "./view-schema";

/** The browser parses the templates API's answers with these schemas: what the server sends from real rows must pass. */
const db = createTestDb();
afterAll(() => db.$disconnect());

describe("template view schemas", () => {
  it("created, saved again, listed and versioned answers parse", async () => {
    const layout = platformAdapter("discord").layout?.emptyLayout() ?? { components: [] };
    const created = savedTemplateSchema.parse(await createTemplate(db, { platform: "discord", name: "View", text: "Hello", layout }, "en"));
    expect(created.template.layout).toEqual(layout);
    savedTemplateSchema.parse(await updateTemplate(db, created.template.id, { name: "View 2" }, "en"));
    expect(templateViewSchema.parse(await getTemplate(db, created.template.id)).name).toBe("View 2");
    const page = templatePageSchema.parse(await listTemplates(db, { platform: "discord", limit: 10 }));
    expect(page.templates.map((t) => t.id)).toContain(created.template.id);
    expect(versionViewSchema.array().parse(await listTemplateVersions(db, created.template.id)).length).toBeGreaterThanOrEqual(1);
  });

  it("refuses a row as the database holds it (dates, layout as text)", async () => {
    expect(templateViewSchema.safeParse(await db.template.findFirst()).success).toBe(false);
  });
});
