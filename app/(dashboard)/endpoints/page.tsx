import { Webhook } from "lucide-react";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { withTunnel } from "@/app/api/endpoints/with-tunnel";
import { EndpointCard } from "@/components/endpoints/endpoint-card";
import { NewEndpointButton } from "@/components/endpoints/new-endpoint-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db";
import { listEndpoints } from "@/lib/endpoints/service";
import { pickClientMessages, type Messages } from "@/lib/i18n/catalogue";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("endpoints"))("title") };
}

async function origin(): Promise<string> {
  const h = await headers();
  return (process.env.PUBLIC_URL || `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`).replace(/\/+$/, "");
}

export default async function EndpointsPage() {
  const t = await getTranslations("endpoints");
  const endpoints = (await listEndpoints(getDb(), await origin())).map(withTunnel);
  const messages = (await getMessages()) as Messages;
  return (
    <NextIntlClientProvider messages={pickClientMessages(messages, ["endpoints", "platform", "refusals"])}>
      <PageHeader title={t("title")} subtitle={t("subtitle")} actions={<NewEndpointButton />} />
      {endpoints.length === 0 ? (
        <EmptyState icon={Webhook} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {endpoints.map((endpoint) => (
            <EndpointCard key={endpoint.id} endpoint={endpoint} />
          ))}
        </ul>
      )}
    </NextIntlClientProvider>
  );
}
