import { afterEach, describe, expect, it } from "vitest";
import { feishuInbound } from "@/lib/platforms/feishu/inbound";
import { qqInbound } from "@/lib/platforms/qq/inbound";
import { isOwnSimulator, tokenAllowed } from "./outbound";

const env = { ...process.env };
afterEach(() => {
  process.env = { ...env };
});

describe("where app secrets and tokens may go", () => {
  it("counts only this server's own port (or PUBLIC_URL) as its simulator", () => {
    process.env.PORT = "3210";
    delete process.env.PUBLIC_URL;
    expect(isOwnSimulator("http://127.0.0.1:3210/api/simulator/platform")).toBe(true);
    expect(isOwnSimulator("http://localhost:3210/api/simulator/platform/")).toBe(true);
    expect(isOwnSimulator("http://127.0.0.1:3211/api/simulator/platform")).toBe(false);
    expect(isOwnSimulator("http://127.0.0.1:3210/api/other")).toBe(false);
    expect(isOwnSimulator("https://studio.example/api/simulator/platform")).toBe(false);
    process.env.PUBLIC_URL = "https://studio.example";
    expect(isOwnSimulator("https://studio.example/api/simulator/platform")).toBe(true);
  });

  it("allows the platforms' own bases, the simulator and TRUSTED_API_BASES, nothing else", () => {
    process.env.PORT = "3210";
    const feishu = feishuInbound.appToken!;
    expect(tokenAllowed(feishu, "https://open.feishu.cn")).toBe(true);
    expect(tokenAllowed(feishu, "https://open.larksuite.com/")).toBe(true);
    expect(tokenAllowed(feishu, "https://open.feishu.cn.attacker.example")).toBe(false);
    expect(tokenAllowed(qqInbound.appToken!, "https://sandbox.api.sgroup.qq.com")).toBe(true);
    expect(tokenAllowed(qqInbound.appToken!, "https://open.feishu.cn")).toBe(false);
    expect(tokenAllowed(feishu, "http://10.0.0.5:8080")).toBe(false);
    process.env.TRUSTED_API_BASES = "http://10.0.0.5:8080/, https://proxy.example";
    expect(tokenAllowed(feishu, "http://10.0.0.5:8080")).toBe(true);
    expect(tokenAllowed(feishu, "https://proxy.example")).toBe(true);
  });
});
