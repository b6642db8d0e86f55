import { expect, test } from "@playwright/test";
import { discordGrid } from "../lib/platforms/discord/fixtures/layouts";
import { qqGrid } from "../lib/platforms/qq/fixtures/layouts";
import { authHeaders } from "./support/env";

const json = { ...authHeaders, "content-type": "application/json" };

test.describe("REST API", () => {
  test("health needs no auth; everything else does", async ({ request }) => {
    const health = await request.get("/api/health");
    expect([health.status(), await health.json()]).toEqual([200, { ok: true }]);
    for (const [method, url] of [["GET", "/api/templates"], ["POST", "/api/validate"], ["GET", "/api/templates/x/export"]] as const) {
      const response = await request.fetch(url, { method, headers: { authorization: "Bearer wrong" } });
      expect(response.status(), `${method} ${url}`).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
  });

  const badRequests = [
    { name: "malformed JSON", body: "{nope", type: "application/json", status: 400, code: "invalid_json" },
    { name: "wrong content type", body: "platform=qq", type: "application/x-www-form-urlencoded", status: 415, code: "unsupported_media_type" },
    { name: "unknown platform", body: JSON.stringify({ platform: "telegram", name: "x", layout: {} }), type: "application/json", status: 400, code: "unknown_platform" },
    { name: "missing name", body: JSON.stringify({ platform: "qq", layout: qqGrid(1, 1) }), type: "application/json", status: 400, code: "invalid_request" },
    { name: "oversized body", body: JSON.stringify({ platform: "qq", name: "x".repeat(300 * 1024), layout: {} }), type: "application/json", status: 413, code: "body_too_large" },
    { name: "6 rows", body: JSON.stringify({ platform: "qq", name: "x", layout: qqGrid(6, 1) }), type: "application/json", status: 422, code: "invalid_layout" },
  ];
  for (const bad of badRequests) {
    test(`POST /api/templates with ${bad.name} -> ${bad.status}, nothing stored`, async ({ request }) => {
      const before = (await (await request.get("/api/templates?limit=100", { headers: authHeaders })).json()).templates.length;
      const response = await request.post("/api/templates", { headers: { ...authHeaders, "content-type": bad.type }, data: Buffer.from(bad.body) });
      expect(response.status()).toBe(bad.status);
      const body = await response.json();
      expect(body.error.code).toBe(bad.code);
      expect(body.error.message).toEqual(expect.any(String));
      const after = (await (await request.get("/api/templates?limit=100", { headers: authHeaders })).json()).templates.length;
      expect(after).toBe(before);
    });
  }

  test("422 names every broken rule with its path", async ({ request }) => {
    const response = await request.post("/api/templates", { headers: json, data: { platform: "discord", name: "x", layout: discordGrid(1, 6) } });
    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([
      { code: "discord.row.buttonsMax", path: "components.0.components.5", params: { max: 5, count: 6 }, message: "An action row holds at most 5 buttons; this one has 6." },
    ]);
  });

  test("missing fields in a request are named by path", async ({ request }) => {
    const response = await request.post("/api/validate", { headers: json, data: { layout: {} } });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.issues).toEqual([{ code: "field.required", path: "platform", message: "This field is required." }]);
  });

  test("validate reports errors and warnings, in the language asked for", async ({ request }) => {
    const layout = { content: { rows: [{ buttons: [{ ...qqGrid(1, 1).content.rows[0]!.buttons[0]!, action: { type: 1, permisson: { type: 3, specify_role_ids: ["1"] }, data: "d", unsupport_tips: "t", click_limit: 1 } }] }] } };
    const en = await (await request.post("/api/validate", { headers: json, data: { platform: "qq", layout, scene: "group" } })).json();
    expect(en.ok).toBe(false);
    expect(en.errors.map((e: { code: string; path: string }) => `${e.code}@${e.path}`)).toEqual(["qq.permission.guildOnly@content.rows.0.buttons.0.action.permission.type"]);
    expect(en.warnings.map((w: { code: string }) => w.code)).toEqual(["qq.permission.misspelt", "qq.action.deprecated"]);
    const zh = await (await request.post("/api/validate", { headers: { ...json, "accept-language": "zh-CN,zh;q=0.9" }, data: { platform: "qq", layout, scene: "group" } })).json();
    expect(zh.errors[0].code).toBe("qq.permission.guildOnly");
    expect(zh.errors[0].message).toContain("仅频道可用");
  });

  test("templates: create, read, update as new versions, export, delete", async ({ request }) => {
    const created = await request.post("/api/templates", { headers: json, data: { platform: "qq", name: "Lifecycle", text: "**Hi**", layout: qqGrid(1, 2) } });
    expect(created.status()).toBe(201);
    const { template } = await created.json();
    expect(template).toMatchObject({ platform: "qq", name: "Lifecycle", version: 1, layout: qqGrid(1, 2) });

    const updated = await request.put(`/api/templates/${template.id}`, { headers: json, data: { layout: qqGrid(2, 2), baseVersion: 1 } });
    expect((await updated.json()).template.version).toBe(2);
    const stale = await request.put(`/api/templates/${template.id}`, { headers: json, data: { name: "Stale", baseVersion: 1 } });
    expect(stale.status()).toBe(409);

    const versions = (await (await request.get(`/api/templates/${template.id}/versions`, { headers: authHeaders })).json()).versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const exported = await request.get(`/api/templates/${template.id}/export`, { headers: authHeaders });
    expect(await exported.json()).toEqual({ msg_type: 2, markdown: { content: "**Hi**" }, keyboard: qqGrid(2, 2) });
    const first = await request.get(`/api/templates/${template.id}/export?version=1`, { headers: authHeaders });
    expect((await first.json()).keyboard).toEqual(qqGrid(1, 2));

    expect((await request.delete(`/api/templates/${template.id}`, { headers: authHeaders })).status()).toBe(204);
    const gone = await request.get(`/api/templates/${template.id}`, { headers: authHeaders });
    expect([gone.status(), (await gone.json()).error.code]).toEqual([404, "not_found"]);
  });

  test("list filters by platform, searches by name and pages by cursor", async ({ request }) => {
    const tag = `Paging-${Date.now()}`;
    for (let i = 0; i < 3; i++) {
      await request.post("/api/templates", { headers: json, data: { platform: "discord", name: `${tag} ${i}`, layout: discordGrid(1, 1) } });
    }
    const first = await (await request.get(`/api/templates?q=${tag}&limit=2&platform=discord`, { headers: authHeaders })).json();
    expect(first.templates).toHaveLength(2);
    const second = await (await request.get(`/api/templates?q=${tag}&limit=2&cursor=${first.nextCursor}`, { headers: authHeaders })).json();
    expect(second.templates).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const qqOnly = await (await request.get(`/api/templates?q=${tag}&platform=qq`, { headers: authHeaders })).json();
    expect(qqOnly.templates).toEqual([]);
    const badPlatform = await request.get(`/api/templates?platform=telegram`, { headers: authHeaders });
    expect(badPlatform.status()).toBe(400);
  });
});
