import type { z } from "zod";
import type { IssuePath, RuleIssue } from "./types";

/** zod 4 leaves `input` out of issues unless asked; issuesFromZod needs it to tell "missing" from "wrong". */
export const WITH_INPUT = { reportInput: true } as const;

/**
 * Turns zod's structural issues into catalogue codes. Platform rules add their
 * own codes; these generic ones cover types, required fields, enums and lengths.
 */
export function issuesFromZod(error: z.ZodError, prefix: IssuePath = []): RuleIssue[] {
  return error.issues.flatMap((issue): RuleIssue[] => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    switch (issue.code) {
      case "invalid_type":
        return [issue.input === undefined
          ? { code: "field.required", path }
          : { code: "field.type", path, params: { expected: issue.expected } }];
      case "invalid_value":
        if (issue.input === undefined) return [{ code: "field.required", path }];
        return [{ code: "field.enum", path, params: { values: issue.values.map((v) => JSON.stringify(v)).join(", ") } }];
      case "invalid_union":
        return [{ code: "field.invalid", path }];
      case "too_small":
        return [sizeIssue("min", issue.origin, Number(issue.minimum), path)];
      case "too_big":
        return [sizeIssue("max", issue.origin, Number(issue.maximum), path)];
      case "invalid_format":
        return [{ code: "field.format", path, params: { format: issue.format } }];
      case "unrecognized_keys":
        return issue.keys.map((key) => ({ code: "field.unknown", path: [...path, key], params: { key } }));
      case "custom": {
        // A platform's rules run inside a schema (a Discord modal reply) add issues carrying their own catalogue code.
        const own = issue.params as { code?: unknown; params?: RuleIssue["params"] } | undefined;
        if (typeof own?.code !== "string") return [{ code: "field.invalid", path }];
        return [own.params ? { code: own.code, path, params: own.params } : { code: own.code, path }];
      }
      default:
        return [{ code: "field.invalid", path }];
    }
  });
}

function sizeIssue(bound: "min" | "max", origin: string, limit: number, path: IssuePath): RuleIssue {
  if (origin === "string") {
    return bound === "min" && limit === 1
      ? { code: "field.empty", path }
      : { code: bound === "min" ? "field.tooShort" : "field.tooLong", path, params: { [bound]: limit } };
  }
  if (origin === "array") {
    return { code: bound === "min" ? "field.tooFew" : "field.tooMany", path, params: { [bound]: limit } };
  }
  return { code: bound === "min" ? "field.min" : "field.max", path, params: { [bound]: limit } };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Dotted form used in API responses and the editor: ["content","rows",5] -> "content.rows.5". */
export function formatPath(path: IssuePath): string {
  return path.join(".");
}
