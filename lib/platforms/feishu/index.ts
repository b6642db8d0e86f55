import type { LimitNote, PlatformAdapter } from "../types";
import { clickFeishuElement } from "./click";
import { convertV1Card, isV1Card } from "./convert-v1";
import { importFeishuMessage } from "./import";
import { FEISHU_ELEMENT_ID_MAX, FEISHU_MAX_COMPONENTS, FEISHU_CARD_MAX_BYTES } from "./limits";
import { checkFeishuText, feishuExtraExports, toFeishuMessage } from "./message";
import { checkFeishuCard } from "./rules";
import { feishuCardSchema, type FeishuCard } from "./schema";
import { emptyFeishuCard, feishuTree } from "./tree";

/** Tolerant import: a JSON 1.0 card is converted to 2.0, each change a warning. */
function normalizeFeishuCard(input: unknown) {
  return isV1Card(input) ? convertV1Card(input) : { layout: input, warnings: [] };
}

export const feishuAdapter: PlatformAdapter<FeishuCard> = {
  id: "feishu",
  name: "Feishu / Lark",
  ruleFields: ["value", "name", "tag", "option", "options", "checked", "input", "form", "url"],
  manualReplies: true,
  layout: {
    schema: feishuCardSchema,
    limits: { components: FEISHU_MAX_COMPONENTS, elementIdLength: FEISHU_ELEMENT_ID_MAX, messageBytes: FEISHU_CARD_MAX_BYTES },
    limitNotes: (): LimitNote[] => [
      { key: "componentsPerCard", params: { max: FEISHU_MAX_COMPONENTS } },
      { key: "messageSize", params: { kb: FEISHU_CARD_MAX_BYTES / 1024 } },
    ],
    scenes: [],
    hasText: false,
    emptyLayout: (text) => emptyFeishuCard(text) as FeishuCard,
    normalize: normalizeFeishuCard,
    validate(input) {
      const normalized = normalizeFeishuCard(input);
      const found = checkFeishuCard(normalized.layout);
      return { ok: found.errors.length === 0, errors: found.errors, warnings: [...normalized.warnings, ...found.warnings], layout: normalized.layout };
    },
    toMessage: (card) => toFeishuMessage(card),
    checkText: () => checkFeishuText(),
    importMessage: importFeishuMessage,
    tree: feishuTree,
    click: clickFeishuElement,
    extraExports: feishuExtraExports,
  },
};
