import type { z } from "zod";
import { isRecord, issuesFromZod, WITH_INPUT } from "../issues";
import type { IssuePath, RuleIssue } from "../types";
import { feishuCallbackBehaviorSchema, feishuFormActionBehaviorSchema, feishuOpenUrlBehaviorSchema } from "./schema";

// open_url opens a web page or an app link (e.g. lark://, https://applink.feishu.cn/…);
// schemes that run code or read local files are never a target.
const LINK_TARGET = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const UNSAFE_SCHEME = /^\s*(javascript|data|vbscript|file|blob):/i;
const BEHAVIOR_SCHEMAS: Record<string, z.ZodType> = {
  callback: feishuCallbackBehaviorSchema,
  open_url: feishuOpenUrlBehaviorSchema,
  form_action: feishuFormActionBehaviorSchema,
};
const URL_FIELDS = ["default_url", "url", "pc_url", "ios_url", "android_url"];

/** Structural zod findings with Feishu's own code for attributes 2.0 does not know (200621). */
export function zodFindings(error: z.ZodError, path: IssuePath): RuleIssue[] {
  return issuesFromZod(error, path).map((issue) =>
    issue.code === "field.unknown"
      ? { code: "feishu.unknownAttribute", path: issue.path, params: { attribute: String(issue.params?.key ?? "") } }
      : issue,
  );
}

/** Each non-empty link of an open_url behavior or a multi_url must be one Feishu can open. */
export function checkLinks(links: Record<string, unknown>, path: IssuePath, errors: RuleIssue[]): void {
  for (const field of URL_FIELDS) {
    const url = links[field];
    if (typeof url === "string" && url !== "" && (!LINK_TARGET.test(url) || UNSAFE_SCHEME.test(url))) {
      errors.push({ code: "feishu.behaviorUrl", path: [...path, field] });
    }
  }
}

/**
 * A component's behaviors ("配置卡片交互"): callback and open_url for every interactive component and
 * the interactive container, form_action for buttons only; at most one of each type.
 */
export function checkBehaviors(behaviors: unknown, path: IssuePath, tag: string, errors: RuleIssue[]): void {
  if (!Array.isArray(behaviors)) return;
  const seen = new Set<string>();
  behaviors.forEach((behavior: unknown, i) => {
    const behaviorPath = [...path, "behaviors", i];
    const type = isRecord(behavior) ? behavior.type : undefined;
    const schema = typeof type === "string" ? BEHAVIOR_SCHEMAS[type] : undefined;
    if (!isRecord(behavior) || typeof type !== "string" || !schema) {
      errors.push({ code: "feishu.behaviorType", path: [...behaviorPath, "type"], params: { type: String(type ?? "") } });
      return;
    }
    if (type === "form_action" && tag !== "button") {
      errors.push({ code: "feishu.formActionNotButton", path: [...behaviorPath, "type"], params: { tag } });
      return;
    }
    if (seen.has(type)) errors.push({ code: "feishu.behaviorDuplicate", path: [...behaviorPath, "type"], params: { type } });
    seen.add(type);
    const parsed = schema.safeParse(behavior, WITH_INPUT);
    if (!parsed.success) {
      errors.push(...zodFindings(parsed.error, behaviorPath));
      return;
    }
    if (type === "open_url") checkLinks(behavior, behaviorPath, errors);
  });
}
