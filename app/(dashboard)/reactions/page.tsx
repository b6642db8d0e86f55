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
import { listReactionPlatforms } from "@/lib/platforms/registry";
import { reactionBoard } from "@/lib/reactions/board";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reactions"))("title") };
}

export default async function ReactionsPage({ searchParams }: { searchParams: Promise<{ endpointId?: string | string[] }> }) {
  const t = await getTranslations("reactions");
  const db = getDb();
  const { endpointId } = await searchParams;
  // Endpoints of every platform whose callbacks report reactions, each with its platform's conversation kinds.
  const models = new Map(listReactionPlatforms().map((p) => [p.id as string, p.reactions]));
  const rows = await db.endpoint.findMany({ where: { platform: { in: [...models.keys()] } }, select: { id: true, name: true, platform: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const endpoints = rows.map((e) => ({ id: e.id, name: e.name, channelTypes: models.get(e.platform)?.channelTypes ?? [] }));
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
  // The first page only: a big endpoint loads the rest on demand.
  const board = await reactionBoard(db, { endpointId: selected.id });
  const messages = (await getMessages()) as Messages;
  return (
    <NextIntlClientProvider messages={pickClientMessages(messages, ["reactions"])}>
      {header}
      <ReactionBoard endpoints={endpoints} initialEndpointId={selected.id} initial={board} />
    </NextIntlClientProvider>
  );
}
