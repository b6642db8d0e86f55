import { z } from "zod";
import { FEISHU_HEADER_TEMPLATES } from "./limits";
import { feishuControlBehaviorSchema, feishuTextSchema, looseRecord } from "./schema-common";
import { collapsiblePanelShape, columnSetShape, columnShape, formShape, interactiveContainerShape } from "./schema-containers";
import {
  feishuChartSchema,
  feishuDivSchema,
  feishuHrSchema,
  feishuImgCombinationSchema,
  feishuImgSchema,
  feishuMarkdownSchema,
  feishuPersonListSchema,
  feishuPersonSchema,
  feishuTableSchema,
} from "./schema-display";
import {
  feishuButtonSchema,
  feishuButtonShallowSchema,
  feishuCheckerSchema,
  feishuCheckerShallowSchema,
  feishuDatePickerSchema,
  feishuDatePickerShallowSchema,
  feishuInputSchema,
  feishuInputShallowSchema,
  feishuMultiSelectPersonSchema,
  feishuMultiSelectPersonShallowSchema,
  feishuMultiSelectStaticSchema,
  feishuMultiSelectStaticShallowSchema,
  feishuOverflowSchema,
  feishuOverflowShallowSchema,
  feishuPickerDatetimeSchema,
  feishuPickerDatetimeShallowSchema,
  feishuPickerTimeSchema,
  feishuPickerTimeShallowSchema,
  feishuSelectImgSchema,
  feishuSelectImgShallowSchema,
  feishuSelectPersonSchema,
  feishuSelectPersonShallowSchema,
  feishuSelectStaticSchema,
  feishuSelectStaticShallowSchema,
} from "./schema-interactive";

export * from "./schema-common";
export * from "./schema-containers";
export * from "./schema-display";
export * from "./schema-interactive";

// Children are checked one by one by the rules (their own paths and codes), so the shallow
// schemas take them as unknown; the deep card schema below types the whole tree.
const children = z.array(z.unknown());
export const feishuColumnShallowSchema = z.strictObject({ ...columnShape, elements: children.optional() });
export const feishuColumnSetShallowSchema = z.strictObject({ ...columnSetShape, columns: children });
export const feishuFormShallowSchema = z.strictObject({ ...formShape, elements: children });
export const feishuInteractiveContainerShallowSchema = z.strictObject({ ...interactiveContainerShape, elements: children, behaviors: children });
export const feishuCollapsiblePanelShallowSchema = z.strictObject({ ...collapsiblePanelShape, elements: children.optional() });

/** Element tag → the schema the rules check it with (children and behaviors unchecked there). */
export const FEISHU_ELEMENT_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  column_set: feishuColumnSetShallowSchema,
  column: feishuColumnShallowSchema,
  form: feishuFormShallowSchema,
  interactive_container: feishuInteractiveContainerShallowSchema,
  collapsible_panel: feishuCollapsiblePanelShallowSchema,
  markdown: feishuMarkdownSchema,
  div: feishuDivSchema,
  hr: feishuHrSchema,
  img: feishuImgSchema,
  img_combination: feishuImgCombinationSchema,
  chart: feishuChartSchema,
  table: feishuTableSchema,
  person: feishuPersonSchema,
  person_list: feishuPersonListSchema,
  button: feishuButtonShallowSchema,
  input: feishuInputShallowSchema,
  overflow: feishuOverflowShallowSchema,
  select_static: feishuSelectStaticShallowSchema,
  multi_select_static: feishuMultiSelectStaticShallowSchema,
  select_person: feishuSelectPersonShallowSchema,
  multi_select_person: feishuMultiSelectPersonShallowSchema,
  date_picker: feishuDatePickerShallowSchema,
  picker_time: feishuPickerTimeShallowSchema,
  picker_datetime: feishuPickerDatetimeShallowSchema,
  select_img: feishuSelectImgShallowSchema,
  checker: feishuCheckerShallowSchema,
};

const feishuLeafSchema = z.discriminatedUnion("tag", [
  feishuMarkdownSchema,
  feishuDivSchema,
  feishuHrSchema,
  feishuImgSchema,
  feishuImgCombinationSchema,
  feishuChartSchema,
  feishuTableSchema,
  feishuPersonSchema,
  feishuPersonListSchema,
  feishuButtonSchema,
  feishuInputSchema,
  feishuOverflowSchema,
  feishuSelectStaticSchema,
  feishuMultiSelectStaticSchema,
  feishuSelectPersonSchema,
  feishuMultiSelectPersonSchema,
  feishuDatePickerSchema,
  feishuPickerTimeSchema,
  feishuPickerDatetimeSchema,
  feishuSelectImgSchema,
  feishuCheckerSchema,
]);

// TypeScript cannot infer a type through the containers' recursion, so only the recursion is
// spelled out: each container is its shallow schema's type with typed children.
type Behaviors = z.infer<typeof feishuControlBehaviorSchema>[];
export type FeishuColumn = Omit<z.infer<typeof feishuColumnShallowSchema>, "elements"> & { elements?: FeishuElement[] };
export type FeishuColumnSet = Omit<z.infer<typeof feishuColumnSetShallowSchema>, "columns"> & { columns: FeishuColumn[] };
export type FeishuForm = Omit<z.infer<typeof feishuFormShallowSchema>, "elements"> & { elements: FeishuElement[] };
export type FeishuInteractiveContainer = Omit<z.infer<typeof feishuInteractiveContainerShallowSchema>, "elements" | "behaviors"> & {
  elements: FeishuElement[];
  behaviors: Behaviors;
};
export type FeishuCollapsiblePanel = Omit<z.infer<typeof feishuCollapsiblePanelShallowSchema>, "elements"> & { elements?: FeishuElement[] };
export type FeishuContainer = FeishuColumnSet | FeishuForm | FeishuInteractiveContainer | FeishuCollapsiblePanel;
export type FeishuElement = z.infer<typeof feishuLeafSchema> | FeishuContainer;

export const feishuColumnSchema: z.ZodType<FeishuColumn> = z.lazy(() =>
  z.strictObject({ ...columnShape, elements: z.array(feishuElementSchema).optional() }),
);
export const feishuElementSchema: z.ZodType<FeishuElement> = z.lazy(() =>
  z.union([
    feishuLeafSchema,
    z.strictObject({ ...columnSetShape, columns: z.array(feishuColumnSchema) }),
    z.strictObject({ ...formShape, elements: z.array(feishuElementSchema) }),
    z.strictObject({ ...interactiveContainerShape, elements: z.array(feishuElementSchema), behaviors: z.array(feishuControlBehaviorSchema) }),
    z.strictObject({ ...collapsiblePanelShape, elements: z.array(feishuElementSchema).optional() }),
  ]),
);

export const feishuHeaderSchema = z.strictObject({
  title: feishuTextSchema,
  subtitle: feishuTextSchema.optional(),
  template: z.enum(FEISHU_HEADER_TEMPLATES).optional(),
  icon: looseRecord.optional(),
  text_tag_list: z.array(looseRecord).optional(),
  i18n_text_tag_list: z.record(z.string(), z.array(looseRecord)).optional(),
  padding: z.string().optional(),
});

export const feishuConfigSchema = z.strictObject({
  update_multi: z.boolean().optional(),
  streaming_mode: z.boolean().optional(),
  streaming_config: looseRecord.optional(),
  summary: looseRecord.optional(),
  locales: z.array(z.string()).optional(),
  enable_forward: z.boolean().optional(),
  enable_forward_interaction: z.boolean().optional(),
  use_custom_translation: z.boolean().optional(),
  width_mode: z.enum(["default", "compact", "fill"]).optional(),
  style: looseRecord.optional(),
});

const bodyShape = {
  direction: z.enum(["vertical", "horizontal"]).optional(),
  padding: z.string().optional(),
  horizontal_spacing: z.string().optional(),
  vertical_spacing: z.string().optional(),
  horizontal_align: z.string().optional(),
  vertical_align: z.string().optional(),
};
const cardShape = {
  schema: z.literal("2.0"),
  config: feishuConfigSchema.optional(),
  card_link: z.looseObject({ url: z.string().optional() }).optional(),
  header: feishuHeaderSchema.optional(),
};

/** The card minus its elements, which the rules check one by one. */
export const feishuCardShallowSchema = z.strictObject({
  ...cardShape,
  body: z.strictObject({ ...bodyShape, elements: z.array(z.unknown()) }),
});

/** A Feishu card in JSON 2.0: what a Feishu template's layout is. */
export const feishuCardSchema = z.strictObject({
  ...cardShape,
  body: z.strictObject({ ...bodyShape, elements: z.array(feishuElementSchema) }),
});

export type FeishuCard = z.infer<typeof feishuCardSchema>;
