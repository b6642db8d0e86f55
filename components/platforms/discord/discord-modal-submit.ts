import { discordModalLayout, isModalData, MODAL_SUBMIT } from "@/lib/platforms/discord/modal";
import { DISCORD_MODAL_REPLY } from "@/lib/platforms/discord/reply";
import { isRecord } from "@/lib/platforms/issues";

/** The modal a `{type: 9, data}` answer opens, or null when the body is anything else. */
export function modalOfAnswer(body: string | null): Record<string, unknown> | null {
  if (!body) return null;
  try {
    const answer: unknown = JSON.parse(body);
    return isRecord(answer) && answer.type === DISCORD_MODAL_REPLY && isModalData(answer.data) ? answer.data : null;
  } catch {
    return null;
  }
}

/** A MODAL_SUBMIT opened a modal: Discord refuses that answer (9 is "Not available for MODAL_SUBMIT"). */
export const isModalSubmit = (request: unknown) => isRecord(request) && request.type === MODAL_SUBMIT;

/** What the submit has of its own: a submit is a new interaction (receiving-and-responding.mdx, Interaction Object). */
const OWN = new Set(["id", "token", "type", "data"]);

/**
 * The MODAL_SUBMIT Discord sends when the modal that `opening` was answered with is submitted: its own
 * interaction id and token and the modal's submit data (the modal adapter's click with what was typed), in
 * the envelope of the interaction that opened it: same application, guild, channel, member or user, and the
 * `message` "for components or modals triggered by components" when the opening click carried one.
 */
export function modalSubmitAfter(opening: unknown, modal: Record<string, unknown>, formValue: Record<string, unknown>): Record<string, unknown> | null {
  if (!isRecord(opening)) return null;
  const member = isRecord(opening.member) ? opening.member : undefined;
  const user = isRecord(member?.user) ? member.user : isRecord(opening.user) ? opening.user : undefined;
  const roles = Array.isArray(member?.roles) ? member.roles.filter((r): r is string => typeof r === "string") : [];
  const outcome = discordModalLayout.click(modal, { userId: typeof user?.id === "string" ? user.id : "", roles, isAdmin: false }, { formValue });
  if (outcome.kind !== "request" || !isRecord(outcome.payload)) return null;
  // The opening's fields win; a field it lacks (a DM has no guild_id or member) is not made up.
  const submit = Object.fromEntries(Object.entries(outcome.payload).filter(([key]) => OWN.has(key) || key in opening));
  for (const [key, value] of Object.entries(opening)) if (!OWN.has(key)) submit[key] = value;
  return submit;
}
