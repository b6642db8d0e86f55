import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { getCatalogue } from "@/lib/i18n/catalogue";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import type { RetentionView } from "@/lib/settings/retention-input";
import { RetentionSettings } from "./retention-settings";

function render(initial: RetentionView, locale: Locale) {
  const errors: string[] = [];
  const html = renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      timeZone: "UTC",
      messages: getCatalogue(locale),
      onError: (e: Error) => void errors.push(e.message),
      children: createElement("dl", null, createElement(RetentionSettings, { initial, minAgeMinutes: 30 })),
    }),
  );
  return { html, errors };
}

const run = { at: "2026-12-01T10:00:00.000Z", finishedAt: "2026-12-01T10:00:02.000Z", removed: 1200, byAge: 1000, byCap: 200, batches: 4, policy: { days: 7, maxPerEndpoint: 5000 } };

describe("retention settings", () => {
  it("shows the stored limits as inputs, a limit the environment fixes read-only with its variable, and the last run", () => {
    const view: RetentionView = { stored: { days: 30, maxPerEndpoint: 5000 }, effective: { days: 7, maxPerEndpoint: 5000 }, fromEnv: { days: true, maxPerEndpoint: false }, lastRun: run };
    for (const locale of LOCALES) {
      const { html, errors } = render(view, locale);
      expect(errors, locale).toEqual([]);
      // The environment's 7, not the stored 30, and not editable.
      expect(html).toMatch(/<input id="retention-days"[^>]* disabled=""[^>]* value="7"/);
      expect(html).toContain("RETENTION_DAYS");
      expect(html).toMatch(/<input id="retention-max"(?![^>]*disabled="")[^>]* value="5000"/);
      expect(html).toMatch(/<label for="retention-days"/);
      expect(html).toMatch(/1,?200/);
    }
  });

  it("says when nothing has run, and shows a run that stopped with its reason", () => {
    const none: RetentionView = { stored: { days: null, maxPerEndpoint: null }, effective: { days: null, maxPerEndpoint: null }, fromEnv: { days: false, maxPerEndpoint: false }, lastRun: null };
    for (const locale of LOCALES) {
      const idle = render(none, locale);
      expect(idle.errors).toEqual([]);
      expect(idle.html).toMatch(/<input id="retention-days"[^>]* value=""/);
      const failed = render({ ...none, lastRun: { ...run, removed: 500, error: "database is locked" } }, locale);
      expect(failed.errors).toEqual([]);
      expect(failed.html).toContain("database is locked");
    }
  });
});
