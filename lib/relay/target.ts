import { z } from "zod";

/** The endpoint modes that relay (issue 16's contract): every callback, or those no rule answered. */
export const RELAY_MODES = ["relay", "rules-then-relay"] as const;
export type RelayMode = (typeof RELAY_MODES)[number];

export function isRelayMode(mode: string): mode is RelayMode {
  return (RELAY_MODES as readonly string[]).includes(mode);
}

/** The relay target meaning "the `button-studio relay` CLI connected for this endpoint". */
export const TUNNEL_TARGET = "tunnel";

/**
 * Where relayed callbacks go: an http(s) URL, or `tunnel`. Credentials in the URL are refused: the target is
 * shown in /live and the endpoint's settings, and a bot behind a password should take the tunnel instead.
 */
export const relayTargetSchema = z.union([
  z.literal(TUNNEL_TARGET),
  z
    .string()
    .trim()
    .max(2048)
    .url()
    .refine((u) => /^https?:\/\//i.test(u), { message: "http(s)" })
    // zod runs this even when .url() failed: URL.parse gives null instead of throwing (that case is refused already).
    .refine((u) => {
      const url = URL.parse(u);
      return url === null || (url.username === "" && url.password === "");
    }, { message: "no credentials" }),
]);
export type RelayTarget = z.infer<typeof relayTargetSchema>;
