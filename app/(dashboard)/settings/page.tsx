import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { RetentionSettings } from "@/components/settings/retention-settings";
import { SettingRow, SettingSection } from "@/components/settings/setting-row";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { PageHeader } from "@/components/ui/page-header";
import { pickClientMessages, type Messages } from "@/lib/i18n/catalogue";
import { getDb } from "@/lib/db";
import { RETENTION_MIN_AGE_MS } from "@/lib/interactions/retention";
import { settingsOverview } from "@/lib/settings/overview";
import { retentionView } from "@/lib/settings/retention";

// Protocol text, the same in every language.
const BEARER_HEADER = "Authorization: Bearer <API_TOKEN>";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const t = await getTranslations("settings");
  const tp = await getTranslations("platform");
  const overview = settingsOverview();
  const retention = await retentionView(getDb());
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="space-y-6">
        <SettingSection title={t("language")}>
          <SettingRow label={t("displayLanguage")}>
            <div className="flex flex-col gap-2">
              <LocaleSwitcher />
              <span>{t("languageHelp")}</span>
            </div>
          </SettingRow>
        </SettingSection>
        <SettingSection title={t("access")}>
          <SettingRow label={t("adminPassword")}>{overview.adminPassword === "env" ? t("adminFromEnv") : t("adminGenerated")}</SettingRow>
          <SettingRow label={t("apiToken")}>{overview.apiTokenConfigured ? t("apiTokenOn", { header: BEARER_HEADER }) : t("apiTokenOff")}</SettingRow>
        </SettingSection>
        <SettingSection title={t("database")}>
          <SettingRow label={t("databaseEngine")}>{overview.databaseFile === null ? t("postgresql") : t("sqlite")}</SettingRow>
          {overview.databaseFile === null ? null : (
            <SettingRow label={t("databaseFile")}>
              <code className="font-mono text-xs">{overview.databaseFile}</code>
            </SettingRow>
          )}
        </SettingSection>
        <SettingSection title={t("retention.title")}>
          {/* The section is a client component: its strings (and the rules' issue messages it checks with) go to the browser. */}
          <NextIntlClientProvider messages={pickClientMessages((await getMessages()) as Messages, ["settings", "rules"])}>
            <RetentionSettings initial={retention} minAgeMinutes={Math.round(RETENTION_MIN_AGE_MS / 60_000)} />
          </NextIntlClientProvider>
        </SettingSection>
        <SettingSection title={t("platforms")}>
          {overview.platforms.map((platform) => (
            <SettingRow key={platform.id} label={tp(platform.id)}>
              <ul className="space-y-0.5">
                {platform.limits.map((note) => <li key={note.key}>{t(`limits.${note.key}` as "limits.noLayout", note.params)}</li>)}
              </ul>
            </SettingRow>
          ))}
        </SettingSection>
      </div>
    </>
  );
}
