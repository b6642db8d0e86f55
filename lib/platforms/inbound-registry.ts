import "server-only";
import { discordInbound } from "./discord/inbound";
import { easemobInbound } from "./easemob/inbound";
import { feishuInbound } from "./feishu/inbound";
import type { InboundAdapter } from "./inbound";
import { qqInbound } from "./qq/inbound";
import type { PlatformId } from "./types";

const inbound: Record<PlatformId, InboundAdapter> = {
  qq: qqInbound as InboundAdapter,
  discord: discordInbound as InboundAdapter,
  feishu: feishuInbound as InboundAdapter,
  easemob: easemobInbound as InboundAdapter,
};

/** Server-only twin of registry.ts: the callback side, which needs node:crypto. */
export function getInbound(platform: PlatformId): InboundAdapter {
  return inbound[platform];
}
