import type { ComponentType } from "react";
import type { SimulationOutcome } from "@/components/builder/simulator-target";
import type { DescribedIssue } from "@/lib/i18n/describe-issue";
import type { CellRef, ClickInput, TreeAdapter } from "@/lib/platforms/types";

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

/** Endpoint settings a platform adds (QQ's result delivery), as the endpoints API takes them; absent keys keep the default. */
export interface EndpointSettingsProps {
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
}

/** Which channel carried an interaction's reply (lifecycle ReplyChannel), said the platform's way. */
export interface ReplyChannelNoteProps {
  channel: string;
  reply: unknown;
}

/** `R` is the platform's reply type (ReplyOf in lib/platforms/registry.ts): what the editor hands back. */
export interface ReplyEditorProps<R = unknown> {
  id?: string;
  /** The kind of interaction being answered (ParsedEvent kind); absent for rules, which may answer any. */
  kind?: string;
  /** The reply so far: stored or typed JSON, so the editor reads it with the platform's reply schema. */
  value: unknown;
  /** The reply as typed so far: the platform's reply type with fields still missing (the API checks it when saved or sent). */
  onChange: (reply: ReplyDraft<R>) => void;
}

/** A reply being typed: the platform's reply type, any field still absent. */
export type ReplyDraft<R> = R extends readonly unknown[] ? R : R extends object ? { [K in keyof R]?: ReplyDraft<R[K]> } : R;

/** Fields of the selected node of a tree layout. */
export interface TreeInspectorProps {
  node: unknown;
  /** Dotted JSON path of the node, to match findings to fields. */
  path: string;
  issues: DescribedIssue[];
  onChange: (node: unknown, field: string) => void;
}

/** Settings of the whole layout (a card's header and config), shown while no node is selected. */
export interface TreeSettingsProps {
  layout: unknown;
  issues: DescribedIssue[];
  onChange: (layout: unknown, field: string) => void;
}

export interface TreePreviewProps {
  layout: unknown;
  /** Walks the layout with the same index paths the editor uses. */
  tree: TreeAdapter;
  /** A click on the node at `indexPath`, with what was typed into its form. */
  onClick: (indexPath: number[], input: ClickInput) => void;
}

/** Builder panels of a tree platform (LayoutAdapter.tree, e.g. Feishu cards). */
export interface TreePanels {
  Inspector: ComponentType<TreeInspectorProps>;
  Settings: ComponentType<TreeSettingsProps>;
  Preview: ComponentType<TreePreviewProps>;
  /** What the chat shows after a simulated click was answered (the card as the reply or a later update left it). */
  AfterReply?: ComponentType<AfterReplyProps>;
}

export interface AfterReplyProps {
  /** The request sent to the endpoint. */
  request: unknown;
  /** The endpoint's HTTP answer body, once it came. */
  response: string | null;
  tree: TreeAdapter;
  /**
   * Sends the next request the platform would send (e.g. a Discord modal's MODAL_SUBMIT) to the same
   * endpoint or URL through the simulator, signed as the click was; resolves with the answer.
   */
  send: (payload: Record<string, unknown>) => Promise<SimulationOutcome>;
}

/** The grid editor has no tree adapter: its AfterReply gets the rest. */
export type GridAfterReplyProps = Omit<AfterReplyProps, "tree">;
