import type { PlatformAdapter } from "../types";
import { easemobReactions } from "./reactions";

/** Easemob post-send callbacks (reactions, messages) carry no layout and take no reply: only a fast 200. */
export const easemobAdapter: PlatformAdapter = {
  id: "easemob",
  name: "Easemob",
  ruleFields: [],
  manualReplies: false,
  // The docs' reaction sample carries no `security` (protocols.md §4).
  optionalSignature: true,
  reactions: easemobReactions,
};
