import { describe, expect, it } from "vitest";
import { answerPlatformCall, recordedCalls, simulatedCards } from "./platform-api";

const post = (path: string, body: unknown) => answerPlatformCall("POST", path, "Bearer SIMULATED_TENANT_TOKEN", JSON.stringify(body));

describe("the simulator's Feishu API", () => {
  it("issues a tenant access token and never records the app secret", () => {
    expect(post("/open-apis/auth/v3/tenant_access_token/internal", { app_id: "cli_1", app_secret: "very-secret" })).toEqual({
      status: 200,
      body: { code: 0, msg: "ok", tenant_access_token: "SIMULATED_TENANT_TOKEN", expire: 7200 },
    });
    expect(recordedCalls().at(-1)?.body).toEqual({ app_id: "cli_1", app_secret: "[redacted]" });
    expect(JSON.stringify(recordedCalls())).not.toContain("very-secret");
  });

  it("updates a card twice per token, then refuses with 300040", () => {
    const token = `c-${Math.random().toString(36).slice(2)}`;
    const update = (n: number) => post("/open-apis/interactive/v1/card/update", { token, card: { schema: "2.0", body: { elements: [], n } } });
    expect(update(1)).toEqual({ status: 200, body: { code: 0, msg: "ok" } });
    expect(update(2)).toEqual({ status: 200, body: { code: 0, msg: "ok" } });
    expect(update(3)).toMatchObject({ status: 200, body: { code: 300040 } });
    const mine = simulatedCards().filter((c) => c.token === token);
    expect(mine.map((c) => (c.card as { body: { n: number } }).body.n)).toEqual([1, 2]);
  });

  it("refuses an update without a token or card", () => {
    expect(post("/open-apis/interactive/v1/card/update", { card: {} })).toMatchObject({ status: 200, body: { code: 10002 } });
  });
});
