import { z } from "zod";
import { describeIssues } from "@/lib/i18n/describe-issue";
import type { Locale } from "@/lib/i18n/locales";
import { requireLayoutPlatform, validateLayout } from "./service";

export const validateRequestInput = z.object({
  platform: z.string(),
  layout: z.unknown().refine((v) => v !== undefined, { message: "required" }),
  scene: z.string().optional(),
  /** The message text sent with the layout; its rules run only when it is given. */
  text: z.string().optional(),
});

/** POST /api/validate: the rules without saving, for editors and CI scripts. */
export function validateRequest(input: z.infer<typeof validateRequestInput>, locale: Locale) {
  const result = validateLayout(requireLayoutPlatform(input.platform), input.layout, input.scene, input.text);
  return {
    ok: result.ok,
    errors: describeIssues(result.errors, locale),
    warnings: describeIssues(result.warnings, locale),
  };
}
