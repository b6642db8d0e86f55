import type { z } from "zod";
import { discordAdapter } from "./discord";
import { discordReplySchema } from "./discord/reply";
import type { DiscordLayout } from "./discord/schema";
import { easemobAdapter } from "./easemob";
import { easemobReplySchema } from "./easemob/reply";
import { feishuAdapter } from "./feishu";
import { feishuReplySchema } from "./feishu/reply";
import type { FeishuCard } from "./feishu/schema";
import { qqAdapter } from "./qq";
import { qqReplySchema } from "./qq/reply";
import type { QqKeyboard } from "./qq/schema";
import { PLATFORM_IDS, type LayoutAdapter, type PlatformAdapter, type PlatformId, type ReactionModel } from "./types";

/** Each platform's layout type, named once. */
interface Layouts {
  qq: QqKeyboard;
  discord: DiscordLayout;
  feishu: FeishuCard;
  easemob: unknown;
}
type LayoutOfAdapter<P extends PlatformId> = Layouts[P];

/** Each platform's adapter with its own layout type: adding a platform is one line here (and one in inbound-registry.ts). */
const adapters = {
  qq: qqAdapter,
  discord: discordAdapter,
  feishu: feishuAdapter,
  easemob: easemobAdapter,
} satisfies { [P in PlatformId]: PlatformAdapter<LayoutOfAdapter<P>> };

export type PlatformAdapters = typeof adapters;
/** A platform's layout type (unknown for a platform without a layout). */
export type LayoutOf<P extends PlatformId> = LayoutOfAdapter<P>;

/**
 * Each platform's reply schema, client-safe (zod only), so the browser's reply editors and the API
 * agree on one type; inbound-registry.ts checks the server side uses the same schemas.
 */
export const replySchemas = {
  qq: qqReplySchema,
  discord: discordReplySchema,
  feishu: feishuReplySchema,
  easemob: easemobReplySchema,
} satisfies { [P in PlatformId]: z.ZodType };
export type ReplyOf<P extends PlatformId> = z.infer<(typeof replySchemas)[P]>;

export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === "string" && (PLATFORM_IDS as readonly string[]).includes(value);
}

/** A platform's adapter with its layout type, for code that knows which platform it holds. */
export function platformAdapter<P extends PlatformId>(id: P): PlatformAdapters[P] {
  return adapters[id];
}

/** Any platform's adapter, its layout type erased (what code branching on a stored platform id needs). */
export function getPlatform(id: PlatformId): PlatformAdapter {
  return adapters[id];
}

export function listPlatforms(): PlatformAdapter[] {
  return PLATFORM_IDS.map((id) => adapters[id]);
}

/** Platforms with a builder side: the ones a template can be made for. */
export function listLayoutPlatforms(): (PlatformAdapter & { layout: LayoutAdapter })[] {
  return listPlatforms().filter((adapter): adapter is PlatformAdapter & { layout: LayoutAdapter } => adapter.layout !== undefined);
}

/** Platforms whose callbacks report message reactions: the ones the reaction board shows. */
export function listReactionPlatforms(): (PlatformAdapter & { reactions: ReactionModel })[] {
  return listPlatforms().filter((adapter): adapter is PlatformAdapter & { reactions: ReactionModel } => adapter.reactions !== undefined);
}

/** The builder side of a platform; throws for a platform without one (callers check isLayoutPlatform first). */
export function getLayout(id: PlatformId): LayoutAdapter {
  const layout = getPlatform(id).layout;
  if (!layout) throw new Error(`${id} has no layout`);
  return layout;
}

export function isLayoutPlatform(value: unknown): value is PlatformId {
  return isPlatformId(value) && adapters[value].layout !== undefined;
}

/** The adapter of a layout's own kind (Discord: legacy, V2 or modal); the platform's layout when it has one kind. */
export function layoutOf(id: PlatformId, layout: unknown): LayoutAdapter {
  const base = getLayout(id);
  return base.kinds ? base.kinds.get(base.kinds.kindOf(layout)) : base;
}

/** A kind's adapter by id; the platform's default layout when it has no kinds or does not know the id. */
export function layoutOfKind(id: PlatformId, kind: string | undefined): LayoutAdapter {
  const base = getLayout(id);
  return kind && base.kinds?.ids.includes(kind) ? base.kinds.get(kind) : base;
}
