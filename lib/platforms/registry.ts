import { discordAdapter } from "./discord";
import { easemobAdapter } from "./easemob";
import { feishuAdapter } from "./feishu";
import { qqAdapter } from "./qq";
import { PLATFORM_IDS, type LayoutAdapter, type PlatformAdapter, type PlatformId } from "./types";

const adapters: Record<PlatformId, PlatformAdapter> = {
  qq: qqAdapter as PlatformAdapter,
  discord: discordAdapter as PlatformAdapter,
  feishu: feishuAdapter as PlatformAdapter,
  easemob: easemobAdapter,
};

export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === "string" && (PLATFORM_IDS as readonly string[]).includes(value);
}

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

/** The builder side of a platform; throws for a platform without one (callers check isLayoutPlatform first). */
export function getLayout(id: PlatformId): LayoutAdapter {
  const layout = adapters[id].layout;
  if (!layout) throw new Error(`${id} has no layout`);
  return layout;
}

export function isLayoutPlatform(value: unknown): value is PlatformId {
  return isPlatformId(value) && adapters[value].layout !== undefined;
}
