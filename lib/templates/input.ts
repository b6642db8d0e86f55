import { z } from "zod";
import { PLATFORM_IDS } from "@/lib/platforms/types";

export const TEMPLATE_NAME_MAX = 120;
/** QQ markdown and Discord content both stay far below this; it only bounds storage. */
export const TEMPLATE_TEXT_MAX = 4000;
export const TEMPLATE_PAGE_MAX = 100;
export const TEMPLATE_PAGE_DEFAULT = 20;

const name = z.string().trim().min(1).max(TEMPLATE_NAME_MAX);
const text = z.string().max(TEMPLATE_TEXT_MAX);

/** The platform is checked separately so an unknown one gets its own clear error. */
export const createTemplateInput = z.object({
  platform: z.string(),
  name,
  text: text.default(""),
  layout: z.unknown().refine((v) => v !== undefined, { message: "required" }),
  scene: z.string().optional(),
});

export const updateTemplateInput = z
  .object({
    name: name.optional(),
    text: text.optional(),
    layout: z.unknown().optional(),
    scene: z.string().optional(),
    /** Optimistic concurrency: the version the client edited; a newer stored one is a 409. */
    baseVersion: z.number().int().positive().optional(),
  });

export const listTemplatesQuery = z.object({
  platform: z.enum(PLATFORM_IDS).optional(),
  q: z.string().trim().max(TEMPLATE_NAME_MAX).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(TEMPLATE_PAGE_MAX).default(TEMPLATE_PAGE_DEFAULT),
});

export type CreateTemplateInput = z.infer<typeof createTemplateInput>;
export type UpdateTemplateInput = z.infer<typeof updateTemplateInput>;
export type ListTemplatesQuery = z.infer<typeof listTemplatesQuery>;
