import "server-only";
import type { z } from "zod";
import { discordInbound } from "./discord/inbound";
import { easemobInbound } from "./easemob/inbound";
import { feishuInbound } from "./feishu/inbound";
import type { InboundAdapter } from "./inbound";
import { qqInbound } from "./qq/inbound";
import type { ReplyOf } from "./registry";
import type { PlatformId } from "./types";

/** Each platform's callback side with its own secrets and reply types. */
const inbound = {
  qq: qqInbound,
  discord: discordInbound,
  feishu: feishuInbound,
  easemob: easemobInbound,
} satisfies { [P in PlatformId]: { replySchema: z.ZodType<ReplyOf<P>> } };

export type InboundAdapters = typeof inbound;
export type SecretsOf<P extends PlatformId> = InboundAdapters[P] extends InboundAdapter<infer S, unknown> ? S : never;

/** A platform's callback side with its secrets and reply types, for code that knows which platform it holds. */
export function platformInbound<P extends PlatformId>(platform: P): InboundAdapter<SecretsOf<P>, ReplyOf<P>> {
  return inbound[platform] as InboundAdapter<SecretsOf<P>, ReplyOf<P>>;
}

/** Server-only twin of registry.ts: the callback side, which needs node:crypto; types erased for code branching on a stored id. */
export function getInbound(platform: PlatformId): InboundAdapter {
  return inbound[platform];
}
