import type { LayoutAdapter, LayoutKinds } from "@/lib/platforms/types";
import type { Snapshot } from "./editor-state";

/** Where a layout stands among its platform's kinds, and the kinds `convert` lets it switch to. */
export interface KindChoices {
  current: string;
  /** Kind ids in the platform's order, the current one excluded; empty when no switch is offered. */
  offers: string[];
}

/** Null where the platform has a single kind of layout: the editor shows no kind at all. */
export function kindChoices(kinds: LayoutKinds | undefined, layout: unknown): KindChoices | null {
  if (!kinds || kinds.ids.length < 2) return null;
  const current = kinds.kindOf(layout);
  const offers = kinds.ids.filter((to) => to !== current && (kinds.convert?.(layout, to) ?? null) !== null);
  return { current, offers };
}

/** What switching does, shown before a person confirms it, and the edit that does it. */
export interface KindSwitchPlan {
  from: string;
  to: string;
  /** Catalogue code (under `rules`) of the warning the platform attaches to this switch. */
  warning: string;
  /** The edit: the converted layout, and the text emptied when the new kind sends none. */
  patch: Pick<Snapshot, "layout" | "text">;
  /** The message text is dropped: the new kind sends no text beside its layout. */
  dropsText: boolean;
  /** The editing model after the switch, when it differs from the one before. */
  modelChange: "grid" | "tree" | null;
  /** Errors the converted template has under its new kind's rules; Save stays blocked until they are fixed. */
  errors: number;
}

const modelOf = (adapter: LayoutAdapter) => (adapter.tree ? "tree" : "grid");

/** The plan for switching `present` to kind `to`; null when the platform does not offer that switch. */
export function planKindSwitch(kinds: LayoutKinds | undefined, present: Snapshot, to: string): KindSwitchPlan | null {
  const choices = kindChoices(kinds, present.layout);
  if (!kinds || !choices || !choices.offers.includes(to)) return null;
  const converted = kinds.convert?.(present.layout, to);
  if (!converted) return null;
  const before = kinds.get(choices.current);
  const after = kinds.get(to);
  const text = after.hasText ? present.text : "";
  const layoutErrors = after.validate(converted.layout).errors.length;
  const textErrors = after.hasText ? after.checkText(text).errors.length : 0;
  return {
    from: choices.current,
    to,
    warning: converted.warning,
    patch: { layout: converted.layout, text },
    dropsText: text !== present.text,
    modelChange: modelOf(before) === modelOf(after) ? null : modelOf(after),
    errors: layoutErrors + textErrors,
  };
}
