import type { z } from "zod";
import { describeIssues } from "@/lib/i18n/describe-issue";
import type { Locale } from "@/lib/i18n/locales";
import { issuesFromZod, WITH_INPUT } from "@/lib/platforms/issues";
import { HttpError } from "./errors";

/** Parses request input with its zod schema; a mismatch is a 400 naming each field path. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, locale: Locale): T {
  const parsed = schema.safeParse(input, WITH_INPUT);
  if (parsed.success) return parsed.data;
  throw new HttpError(400, "invalid_request", "invalidRequest", {}, { issues: describeIssues(issuesFromZod(parsed.error), locale) });
}
