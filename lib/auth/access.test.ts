import { describe, expect, it } from "vitest";
import { isPublicPath } from "./access";

describe("isPublicPath", () => {
  it.each([
    ["/api/health", true],
    ["/login", true],
    ["/api/auth/login", true],
    ["/api/auth/logout", true],
    ["/api/callbacks/abc", true],
    ["/api/simulator/platform/qq/app/getAppAccessToken", true],
    ["/api/auth/logoutx", false],
    ["/api/healthz", false],
    ["/api/callbacks", false],
    ["/api/simulator/calls", false],
    ["/api/templates", false],
    // Everything stored, in one download, and the policy that deletes it: signed-in only, like the list.
    ["/api/interactions/export", false],
    ["/api/settings/retention", false],
    ["/api/settings/retention/run", false],
    ["/api/figures", false],
    ["/templates", false],
    ["/", false],
  ] as const)("%s -> %s", (path, expected) => expect(isPublicPath(path)).toBe(expected));
});
