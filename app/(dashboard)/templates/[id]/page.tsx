import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { TemplateEditor } from "@/components/builder/template-editor";
import { getDb } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { pickClientMessages, type Messages } from "@/lib/i18n/catalogue";
import { isLayoutPlatform } from "@/lib/platforms/registry";
import { getTemplate } from "@/lib/templates/service";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

async function load(id: string) {
  try {
    return await getTemplate(getDb(), id);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await load((await params).id)).name };
}

export default async function TemplateEditorPage({ params }: { params: Params }) {
  const template = await load((await params).id);
  const platform = template.platform;
  if (!isLayoutPlatform(platform)) notFound();
  const messages = (await getMessages()) as Messages;
  return (
    // The editor validates in the browser, so it alone gets the rule and editor messages.
    <NextIntlClientProvider messages={pickClientMessages(messages, ["editor", "rules", "platform"])}>
      <TemplateEditor template={{ ...template, platform }} />
    </NextIntlClientProvider>
  );
}
