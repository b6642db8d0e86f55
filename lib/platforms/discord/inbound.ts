import { discordRelayAnswerSchema } from "./relay-answer";
import "server-only";
import { z } from "zod";
import { parseCallbackJson, type InboundAdapter, type InboundOutcome, type RawCallback } from "../inbound";
import { submittedValues } from "./modal/submitted";
import { DISCORD_MODAL_REPLY, discordReplySchema, discordSecretsSchema, type DiscordReply, type DiscordSecrets } from "./reply";
import { signDiscord, verifyDiscordAsync } from "./signature";
import { discordSimulatorApi } from "./simulator-api";

const INTERACTION = { ping: 1, command: 2, component: 3, autocomplete: 4, modalSubmit: 5 } as const;

/** The app's kind of event for each interaction type; unknown types are shown as events. */
const KIND_OF_TYPE: Partial<Record<number, "button" | "command" | "submit">> = {
  [INTERACTION.component]: "button",
  [INTERACTION.command]: "command",
  [INTERACTION.modalSubmit]: "submit",
};

const interactionSchema = z.looseObject({
  id: z.string().min(1),
  application_id: z.string().optional(),
  type: z.number().int(),
  token: z.string().optional(),
  guild_id: z.string().optional(),
  member: z.looseObject({ user: z.looseObject({ id: z.string() }).optional() }).optional(),
  user: z.looseObject({ id: z.string() }).optional(),
  /** Present when a component (or a modal opened from one) was used on a message. */
  message: z.looseObject({ id: z.string() }).optional(),
  data: z
    .looseObject({
      custom_id: z.string().optional(),
      name: z.string().optional(),
      guild_id: z.string().optional(),
      values: z.array(z.string()).optional(),
      // MODAL_SUBMIT: what each control of the modal reported (read leniently by submittedValues).
      components: z.array(z.unknown()).optional(),
    })
    .optional(),
});

/** What a follow-up needs of the stored body; rows stored before receive() refused lone surrogates may hold them. */
const wellFormed = z.string().min(1).refine((s) => s.isWellFormed());
const lateTarget = z.looseObject({ application_id: wellFormed, token: wellFormed });

/** The stored body as JSON, or undefined: deliverLate must not throw on whatever was stored. */
function parseStored(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function receive({ headers, body }: RawCallback, secrets: DiscordSecrets): Promise<InboundOutcome> {
  // Discord probes endpoints with bad signatures: verify before anything else (overview.mdx).
  if (!(await verifyDiscordAsync(secrets.publicKey, headers.get("x-signature-timestamp"), body, headers.get("x-signature-ed25519")))) {
    return { type: "rejected", status: 401, code: "bad_signature" };
  }
  // Signed is not well-formed: a lone surrogate in the token could not go into a follow-up's URL later.
  const json = parseCallbackJson(body.toString("utf8"));
  if (!json.ok) return json.refusal;
  const parsed = interactionSchema.safeParse(json.value);
  if (!parsed.success) return { type: "rejected", status: 400, code: "invalid_payload" };
  const interaction = parsed.data;
  if (interaction.type === INTERACTION.ping) return { type: "handshake", status: 200, body: { type: 1 } };
  // Autocomplete wants choices (type 8) at once; Button Studio offers none.
  if (interaction.type === INTERACTION.autocomplete) return { type: "handshake", status: 200, body: { type: 8, data: { choices: [] } } };
  const kind = KIND_OF_TYPE[interaction.type] ?? "event";
  const control = kind === "command" ? interaction.data?.name : interaction.data?.custom_id;
  // A modal's values as JSON by custom_id, so rules match a subset ({"colour":"red"}) or `colour=re*`.
  const data = kind === "submit" ? JSON.stringify(submittedValues(interaction.data?.components)) : interaction.data?.values?.join(",");
  const fields: Record<string, string> = {};
  if (kind === "command" && control !== undefined) fields.command = control;
  if ((kind === "button" || kind === "submit") && control !== undefined) fields.control = control;
  if ((kind === "button" || kind === "submit") && data !== undefined) fields.data = data;
  if (kind === "submit" && control !== undefined) fields.modal = control;
  return {
    type: "events",
    events: [{
      eventId: interaction.id,
      kind,
      interactive: true,
      scene: interaction.guild_id ? "guild" : "dm",
      actor: interaction.member?.user?.id ?? interaction.user?.id,
      control,
      data,
      fields,
      context: {
        ...(interaction.token ? { token: interaction.token } : {}),
        ...(interaction.application_id ? { applicationId: interaction.application_id } : {}),
        ...(kind === "command" ? { scope: interaction.data?.guild_id ? "guild" : "global" } : {}),
        ...(interaction.message ? { message: interaction.message.id } : {}),
      },
    }],
  };
}

export const discordInbound: InboundAdapter<DiscordSecrets, DiscordReply> = {
  secretsSchema: discordSecretsSchema,
  replySchema: discordReplySchema,
  relayAnswerSchema: discordRelayAnswerSchema,
  // Deferred answers promise nothing visible: 6 keeps a clicked message as it is, 5 shows "thinking…" for a command
  // and for a modal opened by a command (no message to keep: 6 is for component-based interactions).
  defaultFallback: (event) => ({ type: event.kind === "command" || (event.kind === "submit" && !event.context.message) ? 5 : 6 }),
  // "you must send an initial response within 3 seconds" (receiving-and-responding.mdx).
  deadlineMs: 3000,
  // Interaction tokens (follow-ups) are valid for 15 minutes.
  replyWindowMs: 15 * 60 * 1000,
  defaultApiBase: "https://discord.com/api/v10",
  receive,
  acknowledge: () => null,
  deliver: (_event, reply) => ({ via: "response", answer: { status: 200, body: reply } }),
  // 6 DEFERRED_UPDATE_MESSAGE and 7 UPDATE_MESSAGE are "components only" (§2.3); a modal submit came from one or a
  // command and takes 4–7. 9 MODAL is "Not available for MODAL_SUBMIT and PING interactions" (PING and
  // autocomplete are answered in receive()), so only a component or a command may open a modal.
  replyFits: (kind, reply) =>
    reply.type === DISCORD_MODAL_REPLY ? kind === "button" || kind === "command" : kind !== "command" || reply.type === 4 || reply.type === 5,
  // After a deferred answer: a new message is a follow-up (POST), an update edits the original (PATCH);
  // deferring again means nothing (receiving-and-responding.mdx, follow-up messages). A modal (9) is only an
  // initial response: the follow-up webhook cannot open one, so it gets null here.
  deliverLate(storedBody, reply) {
    const original = lateTarget.safeParse(parseStored(storedBody));
    if (!original.success || (reply.type !== 4 && reply.type !== 7)) return null;
    const base = `/webhooks/${encodeURIComponent(original.data.application_id)}/${encodeURIComponent(original.data.token)}`;
    return reply.type === 4
      ? { via: "api", method: "POST", path: base, body: reply.data ?? {}, auth: "none" }
      : { via: "api", method: "PATCH", path: `${base}/messages/@original`, body: reply.data ?? {}, auth: "none" };
  },
  sign: (body, timestamp, _secrets, simulatorSeed) => ({
    body,
    headers: {
      "x-signature-ed25519": signDiscord(simulatorSeed, timestamp, body),
      "x-signature-timestamp": timestamp,
      "user-agent": "Discord-Interactions/1.0 (+https://discord.com)",
    },
  }),
  describeSecrets: (secrets) => ({ publicKey: secrets.publicKey }),
  // Discord signs with Ed25519 over timestamp + body (security.md / receiving-and-responding).
  keptHeaders: ["content-type", "user-agent", "x-signature-ed25519", "x-signature-timestamp"],
  // What discord-interactions' verifyKey reads.
  relayHeaders: ["x-signature-ed25519", "x-signature-timestamp"],
  simulatorApi: discordSimulatorApi,
};
