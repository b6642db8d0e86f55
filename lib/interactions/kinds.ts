/** Client-safe lists for filters and labels; the API's query schema uses the same ones. */
export const INTERACTION_STATUSES = ["pending", "answered", "received", "expired", "failed", "refused"] as const;
export const INTERACTION_KINDS = ["button", "command", "submit", "preview", "reaction", "event"] as const;

/** Why a callback was refused (the `code` of a rejected InboundOutcome); each has an explanation in live.refusals. */
export const REFUSAL_CODES = ["bad_signature", "signature_missing", "bad_token", "invalid_payload", "decrypt_failed", "encrypt_key_missing", "unsupported_op", "too_deep", "malformed_string", "too_many_events"] as const;
