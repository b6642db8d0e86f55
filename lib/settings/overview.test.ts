import { describe, expect, it } from "vitest";
import { getCatalogue } from "@/lib/i18n/catalogue";
import { LOCALES } from "@/lib/i18n/locales";
import { settingsOverview } from "./overview";

describe("settings overview", () => {
  it("gives every platform its own limits, each a message in every language with every value it names", () => {
    const { platforms } = settingsOverview();
    expect(platforms.map((p) => p.id)).toEqual(["qq", "discord", "feishu", "easemob"]);
    const byId = Object.fromEntries(platforms.map((p) => [p.id, p.limits]));
    // Feishu counts components per card and Easemob has no layout, not "0 rows × 0 buttons".
    expect(byId.feishu).toContainEqual({ key: "componentsPerCard", params: { max: 200 } });
    expect(byId.easemob).toEqual([{ key: "noLayout" }]);
    expect(byId.qq).toEqual([{ key: "gridRows", params: { rows: 5, buttons: 5 } }]);
    for (const locale of LOCALES) {
      const limits = (getCatalogue(locale) as unknown as { settings: { limits: Record<string, string> } }).settings.limits;
      for (const note of platforms.flatMap((p) => p.limits)) {
        const message = limits[note.key];
        expect(message, `${locale} settings.limits.${note.key}`).toBeTypeOf("string");
        for (const name of Object.keys(note.params ?? {})) expect(message, `${locale} ${note.key} names {${name}}`).toContain(`{${name}}`);
      }
    }
  });
});
