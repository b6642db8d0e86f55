import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { authHeaders, BASE_URL, SCREENSHOTS } from "./support/env";
import { signIn } from "./support/session";

const json = { ...authHeaders, "content-type": "application/json" };

/** A V2 message: a container (accent) with a section and thumbnail, a text display, a gallery, an action row. */
const V2 = {
  flags: 32768,
  components: [
    {
      type: 17,
      accent_color: 5793266,
      components: [
        { type: 9, components: [{ type: 10, content: "# Order **#42**" }], accessory: { type: 11, media: { url: "attachment://cat.png" }, description: "A cat" } },
        { type: 10, content: "Your order shipped. Tell us how it went." },
        { type: 12, items: [{ media: { url: "attachment://a.png" } }, { media: { url: "attachment://b.png" } }] },
        { type: 14, divider: true, spacing: 1 },
        { type: 1, components: [{ type: 2, style: 1, label: "Give feedback", custom_id: "open_form" }] },
      ],
    },
  ],
};

const MODAL = {
  title: "Feedback",
  custom_id: "feedback",
  components: [
    { type: 18, label: "Your name", component: { type: 4, custom_id: "name", style: 1, required: true } },
    { type: 18, label: "Colour", description: "Pick one", component: { type: 21, custom_id: "colour", options: [{ label: "Red", value: "red" }, { label: "Blue", value: "blue" }] } },
  ],
};

const textDisplays = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 10, content: `Line ${i + 1}` }));
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `discord-${name}.png`), fullPage: true });

test.describe("Discord Components V2 and modals through the API (issue 13)", () => {
  test("validate takes a V2 message and a modal; 40 components pass, 41 fail; both export byte-equal", async ({ request }) => {
    for (const layout of [V2, MODAL]) {
      const checked = await request.post("/api/validate", { headers: json, data: { platform: "discord", layout } });
      expect(await checked.json()).toEqual({ ok: true, errors: [], warnings: [] });
    }
    const at = (n: number) => ({ flags: 32768, components: textDisplays(n) });
    expect((await (await request.post("/api/validate", { headers: json, data: { platform: "discord", layout: at(40) } })).json()).ok).toBe(true);
    const over = await (await request.post("/api/validate", { headers: json, data: { platform: "discord", layout: at(41) } })).json();
    expect(over.ok).toBe(false);
    expect(over.errors.map((e: { code: string }) => e.code)).toContain("discord.v2.components.max");
    // The flag refuses content.
    const withContent = await (await request.post("/api/validate", { headers: json, data: { platform: "discord", layout: { ...V2, content: "hi" } } })).json();
    expect(withContent.errors.map((e: { path: string }) => e.path)).toContain("content");

    const v2 = (await (await request.post("/api/templates", { headers: json, data: { platform: "discord", name: `V2 ${Date.now()}`, layout: V2 } })).json()).template;
    expect(JSON.stringify(await (await request.get(`/api/templates/${v2.id}/export`, { headers: authHeaders })).json())).toBe(JSON.stringify(V2));
    expect(await (await request.get(`/api/templates/${v2.id}/export?form=interactionResponse`, { headers: authHeaders })).json()).toEqual({ type: 4, data: V2 });
    const modal = (await (await request.post("/api/templates", { headers: json, data: { platform: "discord", name: `Modal ${Date.now()}`, layout: MODAL } })).json()).template;
    expect(JSON.stringify(await (await request.get(`/api/templates/${modal.id}/export`, { headers: authHeaders })).json())).toBe(JSON.stringify({ type: 9, data: MODAL }));
  });
});

test.describe("Discord Components V2 and modals in the builder (issue 13)", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, BASE_URL);
  });

  test("a pasted V2 body keeps its flag; the editor is a tree with the limits shown; save, reload, export byte-equal", async ({ page }) => {
    await page.goto("/templates");
    await page.getByRole("button", { name: "New template" }).click();
    const dialog = page.getByRole("dialog", { name: "New template" });
    await dialog.getByLabel("Discord components").check();
    await dialog.getByRole("radio", { name: /Components V2 message/ }).check();
    const name = `Order update ${Date.now()}`;
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Paste JSON (optional)").fill(JSON.stringify({ type: 4, data: V2 }));
    await dialog.getByRole("button", { name: "Create template" }).click();
    await expect(page).toHaveURL(/\/templates\/[a-z0-9]+$/);
    const id = page.url().split("/").pop()!;
    await expect(page.getByRole("heading", { name: "Components V2 message" })).toBeVisible();
    // What was pasted is what is exported, to the byte (the type-4 wrapper taken off).
    const first = await page.request.get(`/api/templates/${id}/export`, { headers: authHeaders });
    expect(await first.text()).toBe(JSON.stringify(V2));
    // No message text with the flag, and the tree shows the nesting.
    await expect(page.getByLabel("Message text")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Section 1/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Media Gallery 3/ })).toBeVisible();
    await shot(page, "v2-editor-1280");

    // A text display added at the top level, then the gallery filled to its 10 items: Add item is disabled with the reason.
    await page.getByRole("button", { name: "Add at the top level" }).click();
    await page.getByRole("group", { name: "Add at the top level" }).getByRole("button", { name: "Text Display" }).click();
    await page.getByRole("button", { name: /^Media Gallery 3/ }).click();
    for (let i = 0; i < 8; i++) await page.getByRole("button", { name: "Add item" }).click();
    await expect(page.getByRole("button", { name: "Add item" })).toBeDisabled();
    await expect(page.getByText("No problems: this layout follows every rule.")).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/Saved · v2/)).toBeVisible();

    await page.reload();
    await expect(page.getByRole("heading", { name: "Components V2 message" })).toBeVisible();
    const saved = (await (await page.request.get(`/api/templates/${id}`, { headers: authHeaders })).json()).template.layout;
    const exported = await (await page.request.get(`/api/templates/${id}/export`, { headers: authHeaders })).json();
    expect(JSON.stringify(exported)).toBe(JSON.stringify(saved));
    expect(exported.flags).toBe(32768);
    expect(exported.components[0].components[2].items).toHaveLength(10);

    await page.getByRole("tab", { name: "Preview" }).click();
    await shot(page, "v2-preview-1280");
  });

  test("a V2 message built by hand: a section with a thumbnail and a media gallery join the starter container", async ({ page }) => {
    await page.goto("/templates");
    await page.getByRole("button", { name: "New template" }).click();
    const dialog = page.getByRole("dialog", { name: "New template" });
    await dialog.getByLabel("Discord components").check();
    await dialog.getByRole("radio", { name: /Components V2 message/ }).check();
    await dialog.getByLabel("Name").fill(`Built by hand ${Date.now()}`);
    await dialog.getByRole("button", { name: "Create template" }).click();
    await expect(page).toHaveURL(/\/templates\/[a-z0-9]+$/);
    const id = page.url().split("/").pop()!;

    const addToContainer = async (kind: string) => {
      await page.getByRole("button", { name: /^Add to Container 1/ }).click();
      await page.getByRole("group", { name: /^Add to Container 1/ }).getByRole("button", { name: kind, exact: true }).click();
    };
    await addToContainer("Section");
    await page.getByRole("button", { name: /^Section \d/ }).first().click();
    await page.getByRole("radiogroup", { name: "Accessory kind" }).getByRole("radio", { name: "Thumbnail" }).check();
    await addToContainer("Media Gallery");
    await expect(page.getByText("No problems: this layout follows every rule.")).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/Saved · v2/)).toBeVisible();

    const saved = (await (await page.request.get(`/api/templates/${id}`, { headers: authHeaders })).json()).template.layout;
    const kinds = saved.components[0].components.map((c: { type: number }) => c.type);
    expect(kinds).toEqual(expect.arrayContaining([10, 1, 9, 12]));
    const section = saved.components[0].components.find((c: { type: number }) => c.type === 9);
    expect(section.accessory.type).toBe(11);
    const exported = await (await page.request.get(`/api/templates/${id}/export`, { headers: authHeaders })).json();
    expect(JSON.stringify(exported)).toBe(JSON.stringify(saved));
  });

  test("a modal made in the builder: its title checked and edited, saved, exported as the type-9 response", async ({ page }) => {
    await page.goto("/templates");
    await page.getByRole("button", { name: "New template" }).click();
    const dialog = page.getByRole("dialog", { name: "New template" });
    await dialog.getByLabel("Discord components").check();
    await dialog.getByRole("radio", { name: /^Modal/ }).check();
    await dialog.getByLabel("Name").fill(`Survey ${Date.now()}`);
    await dialog.getByRole("button", { name: "Create template" }).click();
    await expect(page).toHaveURL(/\/templates\/[a-z0-9]+$/);
    const id = page.url().split("/").pop()!;
    await expect(page.getByRole("heading", { name: "Modal" })).toBeVisible();
    // With nothing selected the settings show the modal's title: 46 characters are one too many.
    const title = page.getByRole("textbox", { name: /^Title/ });
    await title.fill("x".repeat(46));
    await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
    await title.fill("Quick survey");
    await expect(page.getByText("No problems: this layout follows every rule.")).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/Saved · v2/)).toBeVisible();
    const exported = await (await page.request.get(`/api/templates/${id}/export`, { headers: authHeaders })).json();
    expect(exported.type).toBe(9);
    expect(exported.data.title).toBe("Quick survey");
  });

  test("a legacy message switched to Components V2 after the warning: no message text, saved with the flag", async ({ page }) => {
    const legacy = { components: [{ type: 1, components: [{ type: 2, style: 1, label: "Hi", custom_id: "hi" }] }] };
    const { template } = await (await page.request.post("/api/templates", { headers: json, data: { platform: "discord", name: `Switch ${Date.now()}`, text: "Hello", layout: legacy } })).json();
    await page.goto(`/templates/${template.id}`);
    await expect(page.getByLabel("Message text")).toBeVisible();
    await page.getByRole("button", { name: "Change kind" }).click();
    await page.getByRole("group", { name: "Change kind" }).getByRole("button", { name: "Components V2 message" }).click();
    const confirm = page.getByRole("dialog", { name: "Change to Components V2 message?" });
    await expect(confirm).toContainText("can't be removed");
    await confirm.getByRole("button", { name: "Change to Components V2 message" }).click();
    await expect(page.getByLabel("Message text")).toHaveCount(0);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/Saved · v2/)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Components V2 message" })).toBeVisible();
    const exported = await (await page.request.get(`/api/templates/${template.id}/export`, { headers: authHeaders })).json();
    expect(exported.flags & 32768).toBe(32768);
    // The message text went with the switch: the saved template has none, and nothing carries content.
    expect((await (await page.request.get(`/api/templates/${template.id}`, { headers: authHeaders })).json()).template.text).toBe("");
    expect(JSON.stringify(exported)).not.toContain('"content":"Hello"');
  });

  test("a rule answers a V2 button with a modal; the preview opens it, the submit arrives live and a person answers in time", async ({ page }) => {
    const stamp = Date.now();
    const modal = (await (await page.request.post("/api/templates", { headers: json, data: { platform: "discord", name: `Feedback modal ${stamp}`, layout: MODAL } })).json()).template;
    const v2 = (await (await page.request.post("/api/templates", { headers: json, data: { platform: "discord", name: `Order ${stamp}`, layout: V2 } })).json()).template;
    const key = (await (await page.request.get("/api/simulate/discord-key", { headers: authHeaders })).json()).publicKey as string;
    const endpointName = `Modal bot ${stamp}`;
    const created = await page.request.post("/api/endpoints", {
      headers: json,
      data: { platform: "discord", name: endpointName, mode: "rules-then-manual", secrets: { publicKey: key }, rules: [{ match: { on: "control", pattern: "open_form" }, reply: { type: 9, data: MODAL } }] },
    });
    expect(created.status()).toBe(201);
    const endpoint = await created.json();

    // The modal template in its editor, drawn as Discord draws it.
    await page.goto(`/templates/${modal.id}`);
    await expect(page.getByRole("heading", { name: "Modal" })).toBeVisible();
    await page.getByRole("tab", { name: "Preview" }).click();
    await shot(page, "modal-preview-1280");

    await page.goto(`/templates/${v2.id}`);
    await page.getByRole("tab", { name: "Preview" }).click();
    await page.getByLabel("Send clicks to").selectOption({ label: endpointName });
    await page.getByRole("tabpanel").getByRole("button", { name: "Give feedback" }).click();
    const region = page.getByRole("region", { name: "The modal Discord opens" });
    const opened = region.getByRole("dialog", { name: "Feedback" });
    await expect(opened).toBeVisible();
    await opened.getByRole("textbox", { name: "Your name" }).fill("Alice");
    await opened.getByRole("radio", { name: "Blue" }).check();

    // A person answers the MODAL_SUBMIT while it is held (rules-then-manual: no rule matches the submit).
    const answered = (async () => {
      for (let i = 0; i < 100; i++) {
        const list = await (await page.request.get(`/api/interactions?endpointId=${endpoint.id}&status=pending`, { headers: authHeaders })).json();
        const submit = list.items.find((item: { kind: string }) => item.kind === "submit");
        if (submit) return page.request.post(`/api/interactions/${submit.id}/reply`, { headers: json, data: { type: 4, data: { content: "Thanks, Alice!" } } });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error("no MODAL_SUBMIT arrived");
    })();
    await opened.getByRole("button", { name: "Submit" }).click();
    expect((await answered).status()).toBe(200);
    const answer = region.getByRole("status", { name: "The endpoint's answer to the submit" });
    await expect(answer).toContainText("HTTP 200");
    await expect(answer).toContainText("Thanks, Alice!");

    // /live shows the submit with what was typed.
    const list = await (await page.request.get(`/api/interactions?endpointId=${endpoint.id}`, { headers: authHeaders })).json();
    const submit = list.items.find((item: { kind: string }) => item.kind === "submit");
    const detail = await (await page.request.get(`/api/interactions/${submit.id}`, { headers: authHeaders })).json();
    expect(detail.status).toBe("answered");
    expect(JSON.parse(detail.data)).toEqual({ name: "Alice", colour: "blue" });
    await page.goto("/live");
    await expect(page.getByText("feedback", { exact: true }).first()).toBeVisible();
  });

  for (const locale of ["en", "zh-CN"] as const) {
    for (const width of [1280, 390]) {
      test(`Discord V2 and modal editors in ${locale} at ${width}px`, async ({ browser }) => {
        const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
        const page = await context.newPage();
        await signIn(page, BASE_URL);
        const stamp = Date.now();
        const v2 = (await (await page.request.post("/api/templates", { headers: json, data: { platform: "discord", name: `V2 ${stamp}`, layout: V2 } })).json()).template;
        const modal = (await (await page.request.post("/api/templates", { headers: json, data: { platform: "discord", name: `Modal ${stamp}`, layout: MODAL } })).json()).template;
        for (const [name, id] of [["v2", v2.id], ["modal", modal.id]] as const) {
          await page.goto(`/templates/${id}`);
          await expect(page.getByRole("tab", { name: locale === "en" ? "Preview" : "预览" })).toBeVisible();
          await page.screenshot({ path: path.join(SCREENSHOTS, `discord-${name}-editor-${locale}-${width}.png`), fullPage: true });
          await page.getByRole("tab", { name: locale === "en" ? "Preview" : "预览" }).click();
          await page.screenshot({ path: path.join(SCREENSHOTS, `discord-${name}-preview-${locale}-${width}.png`), fullPage: true });
        }
        await context.close();
      });
    }
  }
});
