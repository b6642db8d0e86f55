import "server-only";
import { HttpError } from "@/lib/http/errors";
import { describeIssues } from "@/lib/i18n/describe-issue";
import type { Locale } from "@/lib/i18n/locales";
import { isOwnSimulator } from "@/lib/interactions/outbound";
import { allowedTargets } from "./allowed-targets";

/**
 * A callback URL on this very server: PUBLIC_URL's origin, or one of this machine's addresses on
 * PORT — the same test that decides which API base is this server's own simulator. Not the
 * request's Host header, which a caller chooses.
 */
function isOwnCallback(target: URL): boolean {
  return target.pathname.startsWith("/api/callbacks/") && isOwnSimulator(`${target.origin}/api/simulator/platform`);
}

/** Refuses a target outside SIMULATOR_ALLOWED_TARGETS with 400 target_not_allowed naming `field`. */
export function assertTargetAllowed(url: string, field: string, locale: Locale = "en"): void {
  const rules = allowedTargets();
  if (!rules.restricted) return;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    target = new URL("invalid:");
  }
  if (isOwnCallback(target) || rules.matches(target)) return;
  const issues = describeIssues([{ code: "field.targetNotAllowed", path: [field], params: { url } }], locale);
  throw new HttpError(400, "target_not_allowed", "targetNotAllowed", { field, url }, { issues });
}
