import type { PlatformAdapter } from "../types";

// The layout side (card JSON 2.0 tree) joins here as `layout`.
export const feishuAdapter: PlatformAdapter = {
  id: "feishu",
  name: "Feishu / Lark",
  ruleFields: ["value", "name", "tag", "form", "url"],
  manualReplies: true,
};
