import type { IssuePath, RuleIssue } from "../../types";

export interface Findings {
  errors: RuleIssue[];
  warnings: RuleIssue[];
}

/** Characters as Discord counts them (code points, as for message content in ../message.ts). */
export const lengthOf = (text: string) => [...text].length;

/** A required string of min..max characters; a missing or non-string one is a structural finding. */
export function checkText(value: unknown, path: IssuePath, rule: { code: string; min: number; max: number }, found: Findings): void {
  const { code, min, max } = rule;
  if (typeof value !== "string") {
    found.errors.push(value === undefined ? { code: "field.required", path } : { code: "field.type", path, params: { expected: "string" } });
    return;
  }
  const count = lengthOf(value);
  if (count < min || count > max) found.errors.push({ code, path, params: { min, max, count } });
}
