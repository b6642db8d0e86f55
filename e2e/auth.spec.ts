import { expect, test } from "@playwright/test";
import { authHeaders, BASE_URL } from "./support/env";
import { signIn } from "./support/session";

test.describe("access control", () => {
  test("an unauthenticated page visit redirects to login, and back after signing in", async ({ page }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/login\?next=%2Fsettings/);
    await expect(page.getByRole("heading", { name: "Sign in to Button Studio" })).toBeVisible();
    await page.getByLabel("Admin password").fill("e2e-admin-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  });

  test("a wrong password is refused with a message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Admin password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "That password is not right. Try again." })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, BASE_URL);
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/templates");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a cookie captured before signing out is refused afterwards, by the API and by pages", async ({ page, context }) => {
    await signIn(page, BASE_URL);
    const captured = (await context.cookies()).find((c) => c.name === "bs_session");
    expect(captured).toBeTruthy();
    expect((await page.request.get("/api/templates")).status()).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/login/);
    // Someone who copied the cookie before the logout replays it.
    await context.clearCookies();
    await context.addCookies([captured!]);
    const api = await page.request.get("/api/templates");
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBe("unauthorized");
    await page.goto("/templates");
    await expect(page).toHaveURL(/\/login\?next=%2Ftemplates/);
  });

  test("pages and API answers forbid framing and sniffing", async ({ request }) => {
    const expected = {
      "x-frame-options": "DENY",
      "content-security-policy": "frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
    };
    const login = await request.get("/login");
    expect(login.status()).toBe(200);
    const health = await request.get("/api/health");
    // proxy.ts's own answers carry them too: a 401 for the API, a redirect for a page.
    const refused = await request.get("/api/templates");
    expect(refused.status()).toBe(401);
    const redirected = await request.get("/settings", { maxRedirects: 0 });
    expect(redirected.status()).toBe(307);
    for (const response of [login, health, refused, redirected]) expect(response.headers()).toMatchObject(expected);
  });

  test("a session cookie also authorizes the API; a forged one does not", async ({ page, context }) => {
    await signIn(page, BASE_URL);
    expect((await page.request.get("/api/templates")).status()).toBe(200);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "bs_session");
    expect(session?.httpOnly).toBe(true);
    await context.clearCookies();
    await context.addCookies([{ ...session!, value: `${session!.value.slice(0, -4)}AAAA` }]);
    expect((await page.request.get("/api/templates")).status()).toBe(401);
    expect((await page.request.get("/api/templates", { headers: authHeaders })).status()).toBe(200);
  });

  test("password guessing is throttled per client, whatever X-Forwarded-For claims", async ({ request }) => {
    const attempt = (password: string, n: number) =>
      request.post("/api/auth/login", { headers: { "x-forwarded-for": `10.0.0.${n}` }, data: { password } });
    for (let n = 1; n <= 6; n++) expect((await attempt("wrong", n)).status()).toBe(401);
    const blocked = await attempt("wrong", 7);
    expect(blocked.status()).toBe(429);
    expect((await blocked.json()).error.message).toMatch(/Try again in \d+ second/);
    // The wait is short at first; a right password afterwards clears the slate for the other tests.
    await expect.poll(async () => (await attempt("e2e-admin-password", 8)).status(), { timeout: 5000 }).toBe(200);
  });
});
