import { CheckboxAssertions, FileUploadAssertions, LabelAssertions, ModalAssertions, ModalBuilder, TextInputAssertions } from "@discordjs/builders";
import { describe, expect, it } from "vitest";
import { choices, label, modal, textInput, withControl } from "./fixtures";
import { discordModalLayout } from "./index";

/**
 * @discordjs/builders 1.15 as a second opinion on the modal limits it checks itself (title, Label, Text Input,
 * File Upload, Radio Group, Checkbox Group). Each row holds one boundary value; the oracle must accept exactly
 * when our rules do. Where builders lags or reads differently, the row says so (`agrees: false`), so it fails
 * when builders changes and the note must be revisited: it has no 5-component cap on a modal, reads a Label
 * description as 1–100 where the docs say "max 100", and reads ids as 1..2^32-1.
 */
const accepts = (run: () => unknown) => {
  try {
    run();
    return true;
  } catch {
    return false;
  }
};
const labelOf = (layout: ReturnType<typeof modal>) => layout.components[0]!;
const viaLabel = (component: unknown) => ({ layout: withControl(component), run: () => LabelAssertions.labelPredicate.parse(label(component)) });
const viaTitle = (title: string) => ({ layout: modal([label(textInput("a"))], { title }), run: () => ModalAssertions.titleValidator.parse(title) });
const viaLabelText = (patch: Record<string, unknown>) => {
  const layout = modal([label(textInput("a"), patch)]);
  return { layout, run: () => LabelAssertions.labelPredicate.parse(labelOf(layout)) };
};

const table: { rule: string; layout: unknown; run: () => unknown; agrees?: false }[] = [
  { rule: "title 45", ...viaTitle("t".repeat(45)) },
  { rule: "title 46", ...viaTitle("t".repeat(46)) },
  { rule: "title empty", ...viaTitle("") },
  { rule: "label 45", ...viaLabelText({ label: "l".repeat(45) }) },
  { rule: "label 46", ...viaLabelText({ label: "l".repeat(46) }) },
  { rule: "description 100", ...viaLabelText({ description: "d".repeat(100) }) },
  { rule: "description 101", ...viaLabelText({ description: "d".repeat(101) }) },
  { rule: "description empty (docs: max 100 only)", ...viaLabelText({ description: "" }), agrees: false },
  { rule: "text input style 2", ...viaLabel(textInput("a", { style: 2 })) },
  { rule: "text input style 3", ...viaLabel(textInput("a", { style: 3 })) },
  { rule: "min_length 4,000", ...viaLabel(textInput("a", { min_length: 4000 })) },
  { rule: "min_length 4,001", ...viaLabel(textInput("a", { min_length: 4001 })) },
  { rule: "max_length 1", ...viaLabel(textInput("a", { max_length: 1 })) },
  { rule: "max_length 0", ...viaLabel(textInput("a", { max_length: 0 })) },
  { rule: "max_length 4,001", ...viaLabel(textInput("a", { max_length: 4001 })) },
  { rule: "value 4,000", ...viaLabel(textInput("a", { value: "v".repeat(4000) })) },
  { rule: "value 4,001", ...viaLabel(textInput("a", { value: "v".repeat(4001) })) },
  { rule: "placeholder 100", ...viaLabel(textInput("a", { placeholder: "p".repeat(100) })) },
  { rule: "placeholder 101", ...viaLabel(textInput("a", { placeholder: "p".repeat(101) })) },
  { rule: "custom_id 100", ...viaLabel(textInput("c".repeat(100))) },
  { rule: "custom_id 101", ...viaLabel(textInput("c".repeat(101))) },
  { rule: "file upload max 10", ...viaLabel({ type: 19, custom_id: "f", max_values: 10 }) },
  { rule: "file upload max 11", ...viaLabel({ type: 19, custom_id: "f", max_values: 11 }) },
  { rule: "file upload min 11", ...viaLabel({ type: 19, custom_id: "f", min_values: 11 }) },
  { rule: "radio 2 options", ...viaLabel({ type: 21, custom_id: "r", options: choices(2) }) },
  { rule: "radio 1 option", ...viaLabel({ type: 21, custom_id: "r", options: choices(1) }) },
  { rule: "radio 10 options", ...viaLabel({ type: 21, custom_id: "r", options: choices(10) }) },
  { rule: "radio 11 options", ...viaLabel({ type: 21, custom_id: "r", options: choices(11) }) },
  { rule: "radio two defaults", ...viaLabel({ type: 21, custom_id: "r", options: choices(2, () => ({ default: true })) }) },
  { rule: "radio option label 101", ...viaLabel({ type: 21, custom_id: "r", options: choices(2, () => ({ label: "l".repeat(101) })) }) },
  { rule: "checkbox group 1 option", ...viaLabel({ type: 22, custom_id: "c", options: choices(1) }) },
  { rule: "checkbox group 0 options", ...viaLabel({ type: 22, custom_id: "c", options: [] }) },
  { rule: "checkbox group 10 options", ...viaLabel({ type: 22, custom_id: "c", options: choices(10) }) },
  { rule: "checkbox group 11 options", ...viaLabel({ type: 22, custom_id: "c", options: choices(11) }) },
  { rule: "checkbox group max over options", ...viaLabel({ type: 22, custom_id: "c", options: choices(2), max_values: 3 }) },
  { rule: "checkbox group defaults over max", ...viaLabel({ type: 22, custom_id: "c", options: choices(3, () => ({ default: true })), max_values: 2 }) },
  { rule: "checkbox group required with min 0", ...viaLabel({ type: 22, custom_id: "c", options: choices(2), min_values: 0, required: true }) },
  { rule: "checkbox group duplicate values", ...viaLabel({ type: 22, custom_id: "c", options: choices(2, () => ({ value: "same" })) }) },
  { rule: "checkbox", ...viaLabel({ type: 23, custom_id: "x", default: true }) },
];

describe("Discord modal rules against @discordjs/builders", () => {
  it.each(table)("$rule", ({ layout, run, agrees }) => {
    const ours = discordModalLayout.validate(layout).ok;
    expect(accepts(run)).toBe(agrees === false ? !ours : ours);
  });

  it("builders has no 5-component cap on a modal, the docs do (the docs win)", () => {
    const six = Array.from({ length: 6 }, (_, i) => label(textInput(`t${i}`)));
    expect(accepts(() => new ModalBuilder(modal(six) as never).toJSON())).toBe(true);
    expect(accepts(() => new ModalBuilder(modal(six.slice(0, 5)) as never).toJSON())).toBe(true);
    expect(discordModalLayout.validate(modal(six)).ok).toBe(false);
  });

  it("uses the same predicates the builders export for each control", () => {
    expect(accepts(() => TextInputAssertions.textInputPredicate.parse(textInput("a")))).toBe(true);
    expect(accepts(() => FileUploadAssertions.fileUploadPredicate.parse({ type: 19, custom_id: "f" }))).toBe(true);
    expect(accepts(() => CheckboxAssertions.checkboxPredicate.parse({ type: 23, custom_id: "x" }))).toBe(true);
  });
});
