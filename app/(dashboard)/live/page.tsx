import { Activity } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("live"))("title") };
}

export default async function LivePage() {
  const t = await getTranslations("live");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <EmptyState icon={Activity} title={t("emptyTitle")} body={t("emptyBody")} />
    </>
  );
}
