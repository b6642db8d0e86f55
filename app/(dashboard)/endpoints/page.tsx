import { Webhook } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("endpoints"))("title") };
}

export default async function EndpointsPage() {
  const t = await getTranslations("endpoints");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <EmptyState icon={Webhook} title={t("emptyTitle")} body={t("emptyBody")} />
    </>
  );
}
