import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { authHeaders, BASE_URL, SCREENSHOTS } from "./support/env";
import { signIn } from "./support/session";

const SIMULATOR = `${BASE_URL}/api/simulator/platform`;
const plain = (content: string) => ({ tag: "plain_text", content });
const button = (id: string, label: string, type: string) => ({ tag: "button", element_id: id, name: id, type, text: plain(label), behaviors: [{ type: "callback", value: { action: id } }] });

/** Header, markdown and two buttons side by side in a column set. */
const CARD = {
  schema: "2.0",
  config: { update_multi: true },
  header: { title: plain("Deploy v2?"), template: "blue" },
  body: {
    elements: [
      { tag: "markdown", element_id: "md", content: "**Release 2.0** is ready." },
      {
        tag: "column_set",
        element_id: "cols",
        columns: [
          { tag: "column", element_id: "col_a", elements: [button("ship", "Ship it", "primary_filled")] },
          { tag: "column", element_id: "col_b", elements: [button("hold", "Hold", "default")] },
        ],
      },
    ],
  },
};
const UPDATED = { ...CARD, header: { title: plain("Shipped"), template: "green" }, body: { elements: [{ tag: "markdown", element_id: "md", content: "Done by **a person**." }] } };

async function simulatorCalls(page: Page) {
  return ((await (await page.request.get("/api/simulator/calls")).json()) as { calls: { method: string; path: string; authorization: string | null; body: Record<string, unknown> }[] }).calls;
}

test("Feishu: an encrypted, signed click arrives live; a toast and card go back in time; a later answer is a card update, the third refused", async ({ browser }) => {
  const context = await browser.newContext();
  const builder = await context.newPage();
  await signIn(builder, BASE_URL);
  const stamp = Date.now();
  const endpointName = `Feishu manual ${stamp}`;

  // An encrypted endpoint in manual mode whose platform API is the simulator.
  await builder.goto("/endpoints");
  await builder.getByRole("button", { name: "New endpoint" }).click();
  const dialog = builder.getByRole("dialog", { name: "New endpoint" });
  await dialog.getByLabel("Feishu / Lark", { exact: true }).check();
  await dialog.getByLabel("Name").fill(endpointName);
  await dialog.getByLabel("Reply mode").selectOption({ label: "Manual" });
  await dialog.getByLabel("App ID").fill("cli_e2e");
  await dialog.getByLabel("App Secret").fill("e2e-app-secret");
  await dialog.getByLabel("Verification Token").fill("e2e-verification-token");
  await dialog.getByLabel("Encrypt Key (optional)").fill("e2e-encrypt-key");
  await dialog.getByLabel("Platform API base URL").fill(SIMULATOR);
  await builder.screenshot({ path: path.join(SCREENSHOTS, "endpoint-new-feishu-1280.png") });
  await dialog.getByRole("button", { name: "Create endpoint" }).click();
  const card = builder.getByRole("listitem", { name: endpointName });
  await expect(card.getByText("stored encrypted, never shown again")).toBeVisible();
  await expect(card.getByText("e2e-encrypt-key")).toHaveCount(0);

  const cardTemplate = await (await builder.request.post("/api/templates", { headers: authHeaders, data: { platform: "feishu", name: `Deploy ${stamp}`, layout: CARD } })).json();
  await builder.request.post("/api/templates", { headers: authHeaders, data: { platform: "feishu", name: `Shipped ${stamp}`, layout: UPDATED } });

  const live = await context.newPage();
  await live.goto("/live");
  await expect(live.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  await builder.goto(`/templates/${cardTemplate.template.id}`);
  await builder.getByRole("tab", { name: "Preview" }).click();
  await builder.getByLabel("Send clicks to").selectOption({ label: endpointName });
  const preview = builder.getByTestId("feishu-preview");

  // In time: the request is held while a person answers with a success toast and the updated card.
  await preview.getByRole("button", { name: "Ship it" }).click();
  const list = live.getByRole("list", { name: "Interactions, newest first" });
  await list.getByRole("button").filter({ hasText: "ship" }).first().click();
  await live.getByLabel("Toast", { exact: true }).selectOption({ label: "Success" });
  await live.getByLabel("Toast text").fill("Shipped!");
  await live.getByLabel("Card", { exact: true }).selectOption({ label: "Replace with a saved template's card" });
  await live.getByLabel("Saved Feishu template").selectOption({ label: `Shipped ${stamp}` });
  await live.getByRole("button", { name: "Send reply" }).click();
  await expect(live.getByText("Sent in the held response.")).toBeVisible();
  await expect(builder.getByTestId("simulation-result")).toContainText('{"toast":{"type":"success","content":"Shipped!"},"card":{"type":"raw","data":{"schema":"2.0"');
  // The builder shows the card as the answer left it in the chat.
  const after = builder.getByTestId("feishu-after-reply");
  await expect(after).toContainText("As the callback's answer left it.");
  await expect(after.locator("header")).toContainText("Shipped");
  // The inspector shows the decrypted payload beside the encrypted body as received.
  await expect(live.getByTestId("detail-raw-body")).toContainText('{"encrypt":"');
  await expect(live.getByTestId("detail-body")).toContainText('"event_type": "card.action.trigger"');
  // Feishu echoes the verification token in every body: the inspector never shows it.
  await expect(live.getByTestId("detail-body")).toContainText('"token": "[redacted:verificationToken]"');
  await expect(live.getByText("e2e-verification-token")).toHaveCount(0);
  await expect(live.getByText(/of the 3000 ms deadline/)).toBeVisible();

  // Too late: the fallback keeps the card before Feishu's 3 s; the person's answer becomes a card update.
  await preview.getByRole("button", { name: "Hold" }).click();
  await expect(builder.getByTestId("simulation-result")).toContainText("HTTP 200", { timeout: 10_000 });
  await expect(builder.getByTestId("simulation-result")).toContainText(": {}");
  const second = list.getByRole("button").filter({ hasText: "hold" }).first();
  await second.click();
  const decoded = (await live.getByTestId("detail-body").textContent()) ?? "";
  const updateToken = /"token": "(c-[0-9a-f]+)"/.exec(decoded)?.[1];
  expect(updateToken).toBeTruthy();
  const answerLate = async () => {
    await live.getByLabel("Card", { exact: true }).selectOption({ label: "Replace with a saved template's card" });
    await live.getByLabel("Saved Feishu template").selectOption({ label: `Shipped ${stamp}` });
    await live.getByRole("button", { name: "Send reply" }).click();
  };
  await answerLate();
  await expect(live.getByText("Sent as a card update with the callback's token.")).toBeVisible();
  await expect(live.getByText("1 update left on this callback's token.")).toBeVisible();
  await answerLate();
  await expect(live.getByText("No updates left on this token.")).toBeVisible();
  await live.screenshot({ path: path.join(SCREENSHOTS, "live-feishu-1280.png"), fullPage: true });
  // The simulator shows the card as the updates left it.
  await expect(after).toContainText("After 2 updates through the card/update API.");
  await expect(after.locator("header")).toContainText("Shipped");
  await builder.screenshot({ path: path.join(SCREENSHOTS, "feishu-after-update-1280.png"), fullPage: true });

  const updates = (await simulatorCalls(builder)).filter((c) => c.path === "/open-apis/interactive/v1/card/update" && c.body.token === updateToken);
  expect(updates).toHaveLength(2);
  // Tokens the simulator issues are random; the log shows the scheme and their first characters.
  expect(updates[0]?.authorization).toMatch(/^Bearer t-/);
  expect(JSON.stringify(await simulatorCalls(builder))).not.toContain("e2e-app-secret");

  // A third update on the same token is refused with the reason.
  const detail = await (await live.request.get(`/api/interactions?endpointId=${(await (await live.request.get("/api/endpoints")).json()).endpoints.find((e: { name: string }) => e.name === endpointName).id}`)).json();
  const held = detail.items.find((i: { control: string }) => i.control === "hold");
  const third = await live.request.post(`/api/interactions/${held.id}/reply`, { data: { card: { type: "raw", data: UPDATED } } });
  expect(third.status()).toBe(410);
  expect((await third.json()).error.message).toContain("at most 2 card updates per callback token");
  await context.close();
});

test("Feishu: the builder's simulator sends the encrypted click to any URL, signed with the chosen endpoint's secrets", async ({ page }) => {
  await signIn(page, BASE_URL);
  const stamp = Date.now();
  const secrets = { appId: "cli_any", appSecret: "any-app-secret", verificationToken: "any-verification-token", encryptKey: "any-encrypt-key" };
  const create = async (name: string, keys: typeof secrets) =>
    (await (await page.request.post("/api/endpoints", { headers: authHeaders, data: { platform: "feishu", name, mode: "rules", secrets: keys } })).json()) as { id: string; callbackUrl: string };
  const sender = await create(`Sender ${stamp}`, secrets);
  const twin = await create(`Twin ${stamp}`, secrets);
  const stranger = await create(`Stranger ${stamp}`, { ...secrets, encryptKey: "another-encrypt-key" });
  const template = await (await page.request.post("/api/templates", { headers: authHeaders, data: { platform: "feishu", name: `Any URL ${stamp}`, layout: CARD } })).json();
  await page.goto(`/templates/${template.template.id}`);
  await page.getByRole("tab", { name: "Preview" }).click();
  await page.getByLabel("Send clicks to").selectOption({ label: `Sender ${stamp}` });
  const result = page.getByTestId("simulation-result");

  // Another server that shares the secrets accepts it; one with another encrypt key refuses the signature.
  await page.getByLabel("Or send to this URL (optional)").fill(twin.callbackUrl);
  await page.getByTestId("feishu-preview").getByRole("button", { name: "Ship it" }).click();
  await expect(result).toContainText("HTTP 200");
  await page.getByLabel("Or send to this URL (optional)").fill(stranger.callbackUrl);
  await page.getByTestId("feishu-preview").getByRole("button", { name: "Hold" }).click();
  await expect(result).toContainText("HTTP 401");
  await expect(result).toContainText("bad_signature");

  const arrived = async (id: string) => (await (await page.request.get(`/api/interactions?endpointId=${id}`, { headers: authHeaders })).json()).items as { control: string; status: string }[];
  expect((await arrived(twin.id)).map((i) => [i.control, i.status])).toEqual([["ship", "answered"]]);
  expect((await arrived(stranger.id)).map((i) => i.status)).toEqual(["refused"]);
  expect(await arrived(sender.id)).toEqual([]);

  // Without an encrypt key the verification token travels in the body: it may go only to the endpoint itself.
  const { encryptKey: _none, ...plainSecrets } = secrets;
  await create(`Plain ${stamp}`, plainSecrets as typeof secrets);
  await page.reload();
  await page.getByRole("tab", { name: "Preview" }).click();
  await page.getByLabel("Send clicks to").selectOption({ label: `Plain ${stamp}` });
  await page.getByLabel("Or send to this URL (optional)").fill(twin.callbackUrl);
  await page.getByTestId("feishu-preview").getByRole("button", { name: "Ship it" }).click();
  await expect(result).toContainText("HTTP 400");
  await expect(result).toContainText("only to this endpoint's own callback URL");
  expect(await arrived(twin.id)).toHaveLength(1);
});
