import { discordAdapter } from "./discord";
import { qqAdapter } from "./qq";
import { PLATFORM_IDS, type PlatformAdapter, type PlatformId } from "./types";

const adapters: Record<PlatformId, PlatformAdapter> = {
  qq: qqAdapter as PlatformAdapter,
  discord: discordAdapter as PlatformAdapter,
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
