import { templatePageSchema, type TemplateView } from "@/lib/templates/view-schema";

/**
 * A platform's saved templates (the first 100), read with the API's own schema: null when the
 * request or its answer failed, so a picker can say so instead of showing "no templates".
 */
export async function fetchTemplates(platform: string): Promise<TemplateView[] | null> {
  const response = await fetch(`/api/templates?${new URLSearchParams({ platform, limit: "100" })}`).catch(() => null);
  if (!response?.ok) return null;
  return templatePageSchema.safeParse(await response.json().catch(() => null)).data?.templates ?? null;
}
