import type { z } from "zod";

/** A JSON path into a layout, e.g. ["content", "rows", 5]. */
export type IssuePath = (string | number)[];

/** Parameters interpolated into a rule message; kept primitive so they serialize and translate. */
export type IssueParams = Record<string, string | number>;

/**
 * One finding about a layout. `code` names a message in the catalogue
 * (messages/<locale>.json under "rules"), so the same finding renders in any language.
 */
export interface RuleIssue {
  code: string;
  path: IssuePath;
  params?: IssueParams;
}

export interface ValidationResult<L = unknown> {
  ok: boolean;
  errors: RuleIssue[];
  warnings: RuleIssue[];
  /** The normalized layout (after tolerant import), present even when errors exist. */
  layout: L;
}

/**
 * Where a message will be sent. Some rules depend on it (QQ role permissions
 * exist only in guilds); platforms without scenes ignore it.
 */
export interface ValidationContext {
  scene?: string;
}

/** The builder side of a platform: what a template's layout is and which rules bind it. */
export interface LayoutAdapter<L = unknown> {
  /** zod schema of a well-formed layout; the editor, API and tests share it. */
  schema: z.ZodType<L>;
  /** Named limits, so the UI can show and disable at them. */
  limits: Readonly<Record<string, number>>;
  /** The limits worth telling a person (the settings page), as catalogue keys under `settings.limits` and their values. */
  limitNotes(): LimitNote[];
  /** Scenes the rules distinguish; empty when none. */
  scenes: readonly string[];
  /** A layout to start a new template from, its texts in the user's language. */
  emptyLayout(text?: StarterText): L;
  /** Tolerant import: fixes known misspellings and reports each fix as a warning. */
  normalize(input: unknown): { layout: unknown; warnings: RuleIssue[] };
  /** Every rule: normalize, check structure with the schema, then cross-field rules. */
  validate(input: unknown, context?: ValidationContext): ValidationResult;
  /** Whether a message text goes with the layout (QQ markdown, Discord content); a Feishu card holds its own text. */
  hasText: boolean;
  /** The exact body the platform's send-message API takes. */
  toMessage(layout: L, text: string): Record<string, unknown>;
  /** Rules for the message text sent with the layout; findings have the path ["text"]. */
  checkText(text: string): { errors: RuleIssue[]; warnings: RuleIssue[] };
  /**
   * Reads a pasted layout or a whole send-message body into a layout and its text;
   * null when the JSON is not this platform's.
   */
  importMessage(json: unknown): { layout: unknown; text: string } | null;
  /**
   * The builder's editing model: exactly one is present. A grid is rows of controls
   * (QQ keyboards, Discord action rows); a tree is nested elements (Feishu cards).
   */
  grid?: GridAdapter;
  tree?: TreeAdapter;
  /**
   * What clicking a control would do: the request the platform sends, the text inserted, or the link opened.
   * `input` carries what the person typed into the surrounding form, for a form's submit button.
   */
  click(cell: unknown, actor: Actor, input?: ClickInput): ClickOutcome;
  /**
   * Other bodies a layout exports to besides the send-message body, by name
   * (e.g. the body a callback response replaces the message with); absent when none.
   */
  extraExports?(layout: L): Record<string, unknown>;
  /** Who may click a control; absent where the platform has no per-button permissions. */
  permission?(cell: unknown, actor: Actor): PermissionVerdict;
  /**
   * Present on a platform's default layout when it has several kinds (Discord: legacy message, Components V2
   * message, modal). Each kind is a LayoutAdapter of its own (schema, rules, editing model, exports);
   * neutral code reaches the right one through `layoutOf(platform, layout)` in registry.ts.
   */
  kinds?: LayoutKinds;
}

/** The kinds of layout one platform offers; the default kind is the platform's own `layout`. */
export interface LayoutKinds {
  /** Kind ids, the default first; each is named in the catalogue under `library.kinds.<id>.name` (and `.help`). */
  ids: readonly string[];
  /** The kind of a layout, recognised by its shape (Discord: the V2 flag, a modal's title). */
  kindOf(layout: unknown): string;
  /** The adapter of a kind (the default kind's is the platform's `layout` itself). */
  get(kind: string): LayoutAdapter;
  /**
   * The layout converted to another kind for "switch kind", with the catalogue code of the warning a person
   * must accept first (e.g. the V2 flag can never be removed from a sent message); null when not offered.
   */
  convert?(layout: unknown, to: string): { layout: unknown; warning: string } | null;
}

/** One line about a platform's limits: `key` names a message under `settings.limits` in messages/<locale>.json. */
export interface LimitNote {
  key: string;
  params?: IssueParams;
}

/** Texts a new control or card starts with; the UI passes them from its catalogue (`starter`). */
export interface StarterText {
  /** A new control's label ("Button 3"). */
  label: (n: number) => string;
  /**
   * A platform's own starter text by its key under `starter` (QQ "unsupportTips", Feishu "cardTitle"):
   * each platform names and defaults its own keys, so this file knows none of them.
   */
  phrase?: (key: string, params?: Record<string, string | number>) => string | undefined;
}

export const ENGLISH_STARTER: StarterText = { label: (n) => `Button ${n}` };

/** Position of a control in a grid layout. */
export interface CellRef {
  row: number;
  cell: number;
}

export interface GridAdapter {
  /** False for layouts that are not a grid, such as a QQ keyboard template referenced by id. */
  isGrid(layout: unknown): boolean;
  /** Rows of raw controls, as the platform lays them out. */
  rows(layout: unknown): unknown[][];
  /** The layout with its rows replaced; every other field is kept. */
  withRows(layout: unknown, rows: unknown[][]): unknown;
  /** JSON path of a control, the prefix of the paths of its findings. */
  cellPath(ref: CellRef): IssuePath;
  maxRows: number;
  /** How many controls this row may hold and, when full, the catalogue code saying why. */
  rowCapacity(row: unknown[]): { max: number; fullCode: string };
  /** A fresh valid control whose id differs from every id in `rows`; texts in the user's language. */
  newCell(rows: unknown[][], text?: StarterText): unknown;
  /** Text a person recognizes the control by. */
  cellLabel(cell: unknown): string;
}

/**
 * A tree of elements. Nodes are addressed by index paths: [2] is the third root,
 * [2, 0, 1] the second child of the first child of that root. Which children a
 * node holds, and where in the JSON, is the platform's business.
 */
export interface TreeAdapter {
  roots(layout: unknown): unknown[];
  /** The layout with its roots replaced; every other field is kept. */
  withRoots(layout: unknown, roots: unknown[]): unknown;
  /** A node's children, or null when it cannot hold any. */
  children(node: unknown): unknown[] | null;
  withChildren(node: unknown, children: unknown[]): unknown;
  /**
   * JSON path of the node at an index path, the prefix of its findings' paths. Pass the layout:
   * where children live can depend on the parent's kind (a column set's columns, a form's elements).
   */
  nodePath(indexPath: number[], layout?: unknown): IssuePath;
  /**
   * The kinds (tags) that may be inserted into `parent` (null: the roots); empty when none. `layout`, when
   * given, lets a platform count what is already there (a Discord modal holds at most 5 top-level components).
   */
  insertable(parent: unknown | null, layout?: unknown): readonly string[];
  /** A fresh valid node of a kind, unique where ids must be unique in `layout`. */
  newNode(kind: string, layout: unknown, text?: StarterText): unknown;
  /**
   * Where the Add menu puts a new node of `kind` among `siblings` in `parent` (null: the roots), when not at
   * the end: a Feishu form's new field goes above its submit button. Absent: always the end.
   */
  insertIndex?(parent: unknown | null, kind: string, siblings: readonly unknown[]): number;
  /** The node's kind (its tag). */
  nodeKind(node: unknown): string;
  /** Text a person recognizes the node by. */
  nodeLabel(node: unknown): string;
  /** The most nodes a layout may hold, and how many it holds now. */
  maxNodes: number;
  countNodes(layout: unknown): number;
}

/** What a person entered in the preview: a form's fields by name, or what one control was set to. */
export interface ClickInput {
  formValue?: Record<string, unknown>;
  /**
   * The state a control outside a form was put in when it fires on its own: a picked option or
   * options, a date, a checker's state, typed text. The platform's click reads it by the control's kind.
   */
  value?: unknown;
}

/** Someone clicking in the preview or the simulator. */
export interface Actor {
  userId: string;
  roles: string[];
  isAdmin: boolean;
  scene?: string;
}

export type ClickOutcome =
  | { kind: "request"; payload: unknown }
  | { kind: "insert"; text: string; send: boolean }
  | { kind: "link"; url: string }
  | { kind: "none"; code: string };

export interface PermissionVerdict {
  allowed: boolean;
  code: string;
  params?: IssueParams;
}

/**
 * Every platform implements this contract; nothing outside lib/platforms/<id>/
 * branches on platform names. The callback side (verify, decrypt, handshake,
 * parse, replies, deadlines, simulate) is the server-only InboundAdapter in inbound.ts.
 */
export interface PlatformAdapter<L = unknown> {
  id: PlatformId;
  /** Display name as the platform writes it. */
  name: string;
  /** The builder side; absent for platforms whose callbacks carry no layout (Easemob reactions). */
  layout?: LayoutAdapter<L>;
  /**
   * The event fields reply rules can match on (see lib/interactions/rules.ts), in the
   * order the rules editor offers them; empty when callbacks take no reply (Easemob).
   */
  ruleFields: readonly string[];
  /** Whether a person can answer a callback from the live inspector. */
  manualReplies: boolean;
  /** The protocol lets callbacks arrive unsigned; each endpoint chooses whether to accept them. */
  optionalSignature?: boolean;
  /** Present for platforms whose callbacks report message reactions (the reaction board and its simulator). */
  reactions?: ReactionModel;
}

/** A reaction on a message as the board shows it. */
export interface ReactionUsers {
  reaction: string;
  count: number;
  users: string[];
}

/** What one stored reaction operation did, in the app's terms. */
export type ReactionOp = "add" | "remove" | "other";

/** One simulated operation and the simulator's idea of the message before it (in the order reactions were first added). */
export interface SimulatedReaction {
  user: string;
  reaction: string;
  op: "add" | "remove";
  messageId: string;
  conversation: { from: string; to: string; channelType: string };
  /** Every reaction of the message after the operation, an emptied one included (it goes out once with its op). */
  reactions: ReactionUsers[];
}

/**
 * The snapshot model of a platform that sends a message's whole reaction state with every change
 * (ParsedEvent.snapshot): how the stored state and callbacks read, and what its simulator sends.
 */
export interface ReactionModel {
  /** Conversation kinds the board filters on and the simulator offers; each has a message under `reactions.channelTypes`. */
  channelTypes: readonly string[];
  /** A stored snapshot state (what receive() put in `snapshot.state`) as reactions; [] when unreadable. */
  readState(state: unknown): ReactionUsers[];
  /** What a stored reaction event's `data` (the platform's op name) means. */
  opOf(data: string | null): ReactionOp;
  /** The operation's own platform time (ms) in its stored callback body, found by its event id; null when absent. */
  operationTime(body: unknown, eventId: string): number | null;
  simulator: {
    /** How long the platform waits for an answer before it counts a failure. */
    timeoutMs: number;
    /** How many times a callback goes out before the platform drops it (the first try included). */
    attempts: number;
    /** Only this status counts as delivered. */
    successStatus: number;
    /** The longest answer body the platform accepts, in characters. */
    answerLimitChars: number;
    /** The unsigned callback body the platform sends for the operation; `app` is describeSecrets() of the endpoint. */
    callback(change: SimulatedReaction, app: Record<string, string>, now: number): Record<string, unknown>;
  };
}

export const PLATFORM_IDS = ["qq", "discord", "feishu", "easemob"] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];
