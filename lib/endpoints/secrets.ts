import "server-only";
import { openSecret } from "@/lib/crypto/secret-box";
import type { Endpoint } from "@/lib/db/generated/client";

export function openEndpointSecrets(row: Pick<Endpoint, "secrets">): unknown {
  return JSON.parse(openSecret(row.secrets)) as unknown;
}
