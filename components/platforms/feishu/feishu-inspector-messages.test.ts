import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getCatalogue } from "@/lib/i18n/catalogue";
import { LOCALES } from "@/lib/i18n/locales";
import { FEISHU_INTERACTIVE_TAGS } from "@/lib/platforms/feishu/limits";
import { feishuSends } from "./feishu-sends";

// The inspector's labels are looked up at run time, so a key missing from a catalogue would only
// show as a raw key in the browser: every literal key (and every template key's prefix) used by the
// inspector files must exist in every locale.

const dir = path.resolve("components/platforms/feishu");
const files = readdirSync(dir).filter((f) => /^feishu-(inspector.*|behaviors|option-list|list-field)\.tsx$/.test(f));

function lookup(messages: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
}

/** Each call resolves to the nearest `useTranslations` declaration of its name above it (its component's). */
function usedKeys(): { file: string; key: string; kind: "message" | "group" }[] {
  const out: { file: string; key: string; kind: "message" | "group" }[] = [];
  for (const file of files) {
    const source = readFileSync(path.join(dir, file), "utf8");
    const declarations = [...source.matchAll(/const (\w+) = useTranslations\("([^"]+)"\)/g)].map((m) => ({ name: m[1]!, namespace: m[2]!, at: m.index }));
    const namespaceAt = (name: string, at: number) => declarations.filter((d) => d.name === name && d.at < at).at(-1)?.namespace;
    for (const name of new Set(declarations.map((d) => d.name))) {
      for (const m of source.matchAll(new RegExp(`\\b${name}\\("([A-Za-z0-9_.]+)"`, "g"))) {
        const namespace = namespaceAt(name, m.index);
        if (namespace) out.push({ file, key: `${namespace}.${m[1]}`, kind: "message" });
      }
      for (const m of source.matchAll(new RegExp(`\\b${name}\\(\`([A-Za-z0-9_.]+)\\.\\$\\{`, "g"))) {
        const namespace = namespaceAt(name, m.index);
        if (namespace) out.push({ file, key: `${namespace}.${m[1]}`, kind: "group" });
      }
    }
  }
  return out;
}

describe("Feishu inspector messages", () => {
  it("finds the keys it checks", () => {
    expect(usedKeys().length).toBeGreaterThan(100);
  });

  it.each(LOCALES)("%s has every key the inspector uses", (locale) => {
    const messages = getCatalogue(locale);
    const missing = usedKeys().filter(({ key, kind }) => {
      const found = lookup(messages, key);
      return kind === "message" ? typeof found !== "string" : typeof found !== "object" || found === null;
    });
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)("%s says what every interactive component sends", (locale) => {
    const messages = getCatalogue(locale);
    const kinds = [...FEISHU_INTERACTIVE_TAGS, "interactive_container"].map((tag) => feishuSends(tag)?.kind ?? tag);
    expect(kinds.filter((kind) => typeof lookup(messages, `editor.feishu.inspector.sends.${kind}`) !== "string")).toEqual([]);
  });
});
