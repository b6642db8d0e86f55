import { SmilePlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { ReactionBoard } from "@/components/reactions/reaction-board";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db";
import { pickClientMessages, type Messages } from "@/lib/i18n/catalogue";
import { reactionBoard } from "@/lib/reactions/board";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reactions"))("title") };
}

export default async function ReactionsPage({ searchParams }: { searchParams: Promise<{ endpointId?: string | string[] }> }) {
  const t = await getTranslations("reactions");
  const db = getDb();
  const { endpointId } = await searchParams;
  const endpoints = await db.endpoint.findMany({ where: { platform: "easemob" }, select: { id: true, name: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const selected = endpoints.find((e) => e.id === endpointId) ?? endpoints[0];
  const header = <PageHeader title={t("title")} subtitle={t("subtitle")} />;
  if (!selected) {
    return (
      <>
        {header}
        <EmptyState icon={SmilePlus} title={t("noEndpointsTitle")} body={t("noEndpointsBody")}>
          <Link href="/endpoints" className={buttonClasses("primary")}>{t("createEndpoint")}</Link>
        </EmptyState>
      </>
    );
  }
  const { items } = await reactionBoard(db, { endpointId: selected.id });
  const messages = (await getMessages()) as Messages;
  return (
    <NextIntlClientProvider messages={pickClientMessages(messages, ["reactions"])}>
      {header}
      <ReactionBoard endpoints={endpoints} initialEndpointId={selected.id} initial={items} />
    </NextIntlClientProvider>
  );
}
