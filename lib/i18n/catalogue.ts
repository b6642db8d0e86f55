import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import type { Locale } from "./locales";

export type Messages = typeof en;

const catalogues: Record<Locale, Messages> = { en, "zh-CN": zhCN };

export function getCatalogue(locale: Locale): Messages {
  return catalogues[locale];
}

/**
 * Namespaces that client components read. Only these are sent to the browser;
 * everything else is rendered on the server.
 */
export const CLIENT_NAMESPACES = ["login", "locale", "library"] as const satisfies readonly (keyof Messages)[];

/** The always-needed client namespaces plus a page's own (the editor adds its rules and labels). */
export function pickClientMessages(messages: Messages, extra: readonly (keyof Messages)[] = []): Partial<Messages> {
  return Object.fromEntries([...CLIENT_NAMESPACES, ...extra].map((ns) => [ns, messages[ns]]));
}
