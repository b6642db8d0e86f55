import type { ComponentType } from "react";
import type { DescribedIssue } from "@/lib/i18n/describe-issue";
import type { CellRef } from "@/lib/platforms/types";

export interface InspectorProps {
  cell: unknown;
  /** Dotted path of the control, to match findings to fields. */
  path: string;
  issues: DescribedIssue[];
  scene?: string;
  onChange: (cell: unknown, field: string) => void;
}

export interface PreviewProps {
  text: string;
  rows: unknown[][];
  onClick: (ref: CellRef) => void;
  /** Controls already clicked in this preview (QQ shows visited_label). */
  visited: Set<string>;
}

export interface SecretsFieldsProps {
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
}

export interface ReplyEditorProps {
  id?: string;
  value: unknown;
  onChange: (reply: unknown) => void;
}

/** Builder panels of a tree platform (Feishu cards); the tree editor defines their props. */
export interface TreePanels {
  [panel: string]: ComponentType<never>;
}
