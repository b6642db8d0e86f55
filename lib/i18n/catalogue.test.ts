import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { getCatalogue } from "./catalogue";
import { LOCALES } from "./locales";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of leaves(value, full)) out.set(k, v);
  }
  return out;
}

/** Top-level ICU argument names: {name}, {count, plural, ...}. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === "{") {
      if (depth === 0) names.add(/^\{\s*([A-Za-z0-9_]+)/.exec(message.slice(i))?.[1] ?? "");
      depth++;
    } else if (message[i] === "}") depth--;
  }
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith(".test.ts") ? [full] : [];
  });
}

const catalogues = Object.fromEntries(LOCALES.map((l) => [l, leaves(getCatalogue(l) as unknown as Tree)]));
const english = catalogues.en!;

describe("message catalogues", () => {
  it.each(LOCALES)("%s has exactly the keys of every other catalogue", (locale) => {
    for (const other of LOCALES) {
      const missing = [...catalogues[other]!.keys()].filter((key) => !catalogues[locale]!.has(key));
      expect(missing, `keys in ${other} but not in ${locale}`).toEqual([]);
    }
  });

  it.each(LOCALES)("%s uses the same ICU arguments as English", (locale) => {
    for (const [key, message] of catalogues[locale]!) {
      expect(argumentsOf(message), key).toEqual(argumentsOf(english.get(key) ?? ""));
    }
  });

  it.each(LOCALES)("every %s message compiles", (locale) => {
    const failures: string[] = [];
    const t = createTranslator({ locale, messages: getCatalogue(locale), onError: (e) => failures.push(e.message) });
    for (const [key, message] of catalogues[locale]!) {
      const params = Object.fromEntries(argumentsOf(message).map((name) => [name, 1]));
      t(key as never, params as never);
    }
    expect(failures).toEqual([]);
  });

  it("has a message for every rule code the validators emit", () => {
    const codes = new Set<string>();
    for (const file of [...sourceFiles(path.resolve("lib/platforms")), ...sourceFiles(path.resolve("lib/builder"))]) {
      for (const match of readFileSync(file, "utf8").matchAll(/(?:code|fullCode|warning): "([a-zA-Z]+\.[a-zA-Z.0-9]+)"/g)) codes.add(match[1]!);
    }
    expect(codes.size).toBeGreaterThan(30);
    expect([...codes].filter((code) => !english.has(`rules.${code}`))).toEqual([]);
  });

  it("has a message for every API error the server raises", () => {
    const keys = new Set<string>();
    for (const file of [...sourceFiles(path.resolve("lib")), path.resolve("proxy.ts")]) {
      for (const match of readFileSync(file, "utf8").matchAll(/new HttpError\(\s*\d+,\s*"[^"]+",\s*"([a-zA-Z]+)"/g)) keys.add(match[1]!);
    }
    expect(keys.size).toBeGreaterThan(5);
    expect([...keys].filter((key) => !english.has(`errors.${key}`))).toEqual([]);
  });
});
