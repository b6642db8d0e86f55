import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { discordGrid } from "../lib/platforms/discord/fixtures/layouts";
import { qqGrid } from "../lib/platforms/qq/fixtures/layouts";
import { authHeaders, BASE_URL, SCREENSHOTS } from "./support/env";
import { signIn } from "./support/session";

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const PAGES = ["templates", "endpoints", "live", "settings"];

/** Text that spills past the viewport shows up as horizontal scroll. */
async function expectNoHorizontalOverflow(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} overflows horizontally by ${overflow}px`).toBeLessThanOrEqual(0);
}

test.beforeAll(async ({ request }) => {
  await request.post("/api/templates", { headers: authHeaders, data: { platform: "qq", name: "签到菜单 Check-in menu", text: "# 签到", layout: qqGrid(2, 3) } });
  await request.post("/api/templates", { headers: authHeaders, data: { platform: "discord", name: "Role picker with a rather long descriptive name", layout: discordGrid(3, 5) } });
});

for (const locale of ["en", "zh-CN"]) {
  for (const viewport of VIEWPORTS) {
    test(`main pages in ${locale} at ${viewport.width}px`, async ({ browser }) => {
      const context = await browser.newContext({ locale, viewport });
      const page = await context.newPage();
      const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-${viewport.width}-${name}.png`), fullPage: true });

      await page.goto(`${BASE_URL}/login`);
      await expectNoHorizontalOverflow(page, "login");
      await shot("login");
      await signIn(page, BASE_URL);
      for (const name of PAGES) {
        await page.goto(`${BASE_URL}/${name}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoHorizontalOverflow(page, name);
        await shot(name);
      }
      await context.close();
    });
  }
}
