import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { LiveInspector } from "@/components/live/live-inspector";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db";
import { pickClientMessages, type Messages } from "@/lib/i18n/catalogue";
import { listInteractions, listInteractionsQuery } from "@/lib/interactions/list";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("live"))("title") };
}

export default async function LivePage() {
  const t = await getTranslations("live");
  const db = getDb();
  const [{ items }, endpoints] = await Promise.all([
    listInteractions(db, listInteractionsQuery.parse({})),
    db.endpoint.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "desc" } }),
  ]);
  const messages = (await getMessages()) as Messages;
  // rules: a relayed bot's answer the platform would refuse is explained with the catalogue's issue messages.
  return (
    <NextIntlClientProvider messages={pickClientMessages(messages, ["live", "platform", "endpoints", "refusals", "rules"])}>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <LiveInspector initial={items} endpoints={endpoints} />
    </NextIntlClientProvider>
  );
}
