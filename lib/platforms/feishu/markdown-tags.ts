// Feishu's own inline tags and the small pieces they share with the inline scanner: which link
// targets are allowed, HTML entities, and turning a lexed `<at>` / `<person>` / `<local_datetime>`
// / `<number_tag>` into AST nodes. Pure functions, each linear in what it is given.

import { namedColor } from "./markdown-colors";
import { isDatetimeFormat } from "./markdown-datetime";
import type { Inline } from "./markdown-inline";

const ENTITIES: Record<string, string> = { nbsp: "\u00a0", ensp: "\u2002", emsp: "\u2003", lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", sim: "~" };

/** Where a card's link may go: web pages and Feishu's own app links. Everything else is text. */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  return /^(?:https?|lark|applink):\/\//i.test(trimmed) && !/[\s<>"]/.test(trimmed) ? trimmed : undefined;
}

/** Decodes the entities Feishu documents (`&#42;`, `&#x2A;`, `&nbsp;`, `&sim;`…) at `i`, if one is there. */
export function entityAt(s: string, i: number): { text: string; end: number } | null {
  let semi = i + 1;
  while (semi < s.length && semi - i <= 10 && s[semi] !== ";") semi++;
  if (s[semi] !== ";") return null;
  const body = s.slice(i + 1, semi);
  let code: number | undefined;
  if (/^#\d{1,7}$/.test(body)) code = Number(body.slice(1));
  else if (/^#[xX][0-9a-fA-F]{1,6}$/.test(body)) code = parseInt(body.slice(2), 16);
  else if (ENTITIES[body] !== undefined) return { text: ENTITIES[body]!, end: semi + 1 };
  if (code === undefined) return null;
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return { text: valid ? String.fromCodePoint(code) : "\ufffd", end: semi + 1 };
}

export function decodeEntities(value: string): string {
  if (!value.includes("&")) return value;
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const entity = value[i] === "&" ? entityAt(value, i) : null;
    if (entity) {
      out += entity.text;
      i = entity.end - 1;
    } else out += value[i];
  }
  return out;
}

const truthy = (value: string | undefined, fallback: boolean) => (value === undefined || value === "" ? fallback : value.trim().toLowerCase() !== "false");

/** The self-contained tags (`<at>`, `<person>`, `<local_datetime>`, `<number_tag>`); null when malformed. */
export function atom(tagName: string, a: Record<string, string>, body: string): Inline[] | null {
  switch (tagName) {
    case "at": {
      // `ids=a,b` mentions several people at once.
      const ids = (a.id ?? a.ids ?? a.user_id ?? a.open_id ?? a.email ?? "").split(",").map((id) => id.trim()).filter(Boolean);
      if (!ids.length) return null;
      const name = ids.length === 1 && !body.includes("<") ? decodeEntities(body).trim() : "";
      return ids.map((id) => ({ type: "at", all: id === "all", id, name }));
    }
    case "person": {
      const style = (a.style ?? "normal").trim().toLowerCase() === "capsule" ? "capsule" : "normal";
      return [{ type: "person", id: (a.id ?? "").trim(), showName: truthy(a.show_name, true), showAvatar: truthy(a.show_avatar, true), style }];
    }
    case "local_datetime": {
      const raw = (a.millisecond ?? "").trim();
      if (raw && !/^\d{1,16}$/.test(raw)) return null;
      const format = (a.format_type ?? "").trim().toLowerCase();
      return [{ type: "datetime", ms: raw ? Number(raw) : null, format: isDatetimeFormat(format) ? format : "date_num", href: safeHref(a.link ?? "") }];
    }
    case "number_tag": {
      const text = body.trim();
      if (!/^\d{1,2}$/.test(text)) return null;
      const href = safeHref(a.pc_url ?? "") ?? safeHref(a.url ?? "");
      return [{ type: "numberTag", value: Number(text), background: a.background_color ? namedColor(a.background_color) : undefined, color: a.font_color ? namedColor(a.font_color) : undefined, href }];
    }
  }
  return null;
}
