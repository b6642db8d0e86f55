import { secretsMatch } from "@/lib/crypto/constant-time";

/** `Authorization: Bearer <API_TOKEN>`; always false when no API_TOKEN is configured. */
export function hasValidApiToken(authorization: string | null): boolean {
  const configured = process.env.API_TOKEN;
  if (!configured || !authorization) return false;
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  return match?.[1] !== undefined && secretsMatch(match[1], configured);
}
