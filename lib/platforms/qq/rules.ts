import { isRecord, issuesFromZod, WITH_INPUT } from "../issues";
import type { IssuePath, RuleIssue, ValidationContext } from "../types";
import { QQ_ACTION_MQQAPI } from "./botgo-fields";
import {
  QQ_ACTION_COMMAND,
  QQ_ACTION_JUMP,
  QQ_COMMAND_ONLY_FIELDS,
  QQ_DEPRECATED_FIELDS,
  QQ_MAX_BUTTONS_PER_ROW,
  QQ_MAX_ROWS,
  QQ_PERMISSION_ROLES,
  QQ_PERMISSION_USERS,
} from "./limits";
import { qqButtonSchema, qqTemplateKeyboardSchema, type QqButton } from "./schema";

interface Findings {
  errors: RuleIssue[];
  warnings: RuleIssue[];
}

// A jump button opens an http(s) page or a client scheme link (e.g. mqqapi://); schemes
// that run code or read local files in a browser are never a jump target.
// One host character then \S*: `[^\s/]+\S*` says the same but backtracks quadratically on a long data
// with a space near its end (a 256 KB body held the server for minutes).
const JUMP_TARGET = /^(https?:\/\/[^\s/]\S*|[a-z][a-z0-9+.-]*:\/\/\S+)$/i;
const UNSAFE_SCHEME = /^\s*(javascript|data|vbscript|file|blob):/i;

/** Checks a (normalized) QQ keyboard; structure first, then the rules that span fields. */
export function checkQqKeyboard(keyboard: unknown, context: ValidationContext): Findings {
  const found: Findings = { errors: [], warnings: [] };
  if (!isRecord(keyboard)) {
    found.errors.push({ code: "field.type", path: [], params: { expected: "object" } });
    return found;
  }
  const hasTemplate = keyboard.id !== undefined;
  const hasContent = keyboard.content !== undefined;
  if (hasTemplate && hasContent) {
    found.errors.push({ code: "qq.keyboard.both", path: [] });
  } else if (!hasTemplate && !hasContent) {
    found.errors.push({ code: "qq.keyboard.none", path: [] });
  } else if (hasTemplate) {
    const parsed = qqTemplateKeyboardSchema.safeParse(keyboard, WITH_INPUT);
    if (!parsed.success) found.errors.push(...issuesFromZod(parsed.error));
  } else {
    checkRows(keyboard.content, context, found);
  }
  return found;
}

function checkRows(content: unknown, context: ValidationContext, found: Findings): void {
  if (!isRecord(content)) {
    found.errors.push({ code: "field.type", path: ["content"], params: { expected: "object" } });
    return;
  }
  const rows = content.rows;
  if (!Array.isArray(rows)) {
    found.errors.push({ code: rows === undefined ? "field.required" : "field.type", path: ["content", "rows"], params: { expected: "array" } });
    return;
  }
  if (rows.length === 0) found.errors.push({ code: "qq.rows.none", path: ["content", "rows"] });
  if (rows.length > QQ_MAX_ROWS) {
    found.errors.push({ code: "qq.rows.max", path: ["content", "rows", QQ_MAX_ROWS], params: { max: QQ_MAX_ROWS, count: rows.length } });
  }
  const seenIds = new Map<string, IssuePath>();
  rows.forEach((row: unknown, r) => {
    const rowPath: IssuePath = ["content", "rows", r];
    if (!isRecord(row) || !Array.isArray(row.buttons)) {
      found.errors.push({ code: "field.required", path: [...rowPath, "buttons"] });
      return;
    }
    if (row.buttons.length === 0) found.errors.push({ code: "qq.row.empty", path: rowPath });
    if (row.buttons.length > QQ_MAX_BUTTONS_PER_ROW) {
      found.errors.push({
        code: "qq.buttons.max",
        path: [...rowPath, "buttons", QQ_MAX_BUTTONS_PER_ROW],
        params: { max: QQ_MAX_BUTTONS_PER_ROW, count: row.buttons.length },
      });
    }
    row.buttons.forEach((button: unknown, b) => {
      const path = [...rowPath, "buttons", b];
      const parsed = qqButtonSchema.safeParse(button, WITH_INPUT);
      if (!parsed.success) {
        found.errors.push(...issuesFromZod(parsed.error, path));
      } else {
        checkButton(parsed.data, path, context, found);
      }
      const id = isRecord(button) ? button.id : undefined;
      if (typeof id === "string" && id !== "") {
        const first = seenIds.get(id);
        if (first) found.errors.push({ code: "qq.button.idDuplicate", path: [...path, "id"], params: { id, first: first.join(".") } });
        else seenIds.set(id, [...path, "id"]);
      }
    });
  });
}

function checkButton(button: QqButton, path: IssuePath, context: ValidationContext, found: Findings): void {
  const action = button.action;
  const actionPath = [...path, "action"];
  const permission = action.permission;
  const permissionPath = [...actionPath, "permission"];

  if (permission.type === QQ_PERMISSION_USERS && !permission.specify_user_ids?.length) {
    found.errors.push({ code: "qq.permission.usersRequired", path: [...permissionPath, "specify_user_ids"] });
  }
  if (permission.type !== QQ_PERMISSION_USERS && permission.specify_user_ids !== undefined) {
    found.errors.push({ code: "qq.permission.usersUnused", path: [...permissionPath, "specify_user_ids"], params: { type: permission.type } });
  }
  if (permission.type === QQ_PERMISSION_ROLES && !permission.specify_role_ids?.length) {
    found.errors.push({ code: "qq.permission.rolesRequired", path: [...permissionPath, "specify_role_ids"] });
  }
  if (permission.type !== QQ_PERMISSION_ROLES && permission.specify_role_ids !== undefined) {
    found.errors.push({ code: "qq.permission.rolesUnused", path: [...permissionPath, "specify_role_ids"], params: { type: permission.type } });
  }
  if (permission.type === QQ_PERMISSION_ROLES && context.scene && context.scene !== "guild") {
    found.errors.push({ code: "qq.permission.guildOnly", path: [...permissionPath, "type"], params: { scene: context.scene } });
  }

  if (action.type !== QQ_ACTION_COMMAND) {
    for (const field of QQ_COMMAND_ONLY_FIELDS) {
      if (action[field] !== undefined) {
        found.errors.push({ code: "qq.action.commandOnly", path: [...actionPath, field], params: { field } });
      }
    }
  } else if (action.anchor && action.enter !== undefined) {
    found.warnings.push({ code: "qq.action.anchorIgnoresEnter", path: [...actionPath, "enter"] });
  }
  for (const field of QQ_DEPRECATED_FIELDS) {
    if (action[field] !== undefined) {
      found.warnings.push({ code: "qq.action.deprecated", path: [...actionPath, field], params: { field } });
    }
  }
  if (action.type === QQ_ACTION_JUMP && (!JUMP_TARGET.test(action.data) || UNSAFE_SCHEME.test(action.data))) {
    found.errors.push({ code: "qq.action.jumpTarget", path: [...actionPath, "data"] });
  }
  // botgo's type 3 opens its data as a client link too: its format is botgo's business (a warning elsewhere),
  // but a scheme that runs code is never a link, here or in the preview.
  if (action.type === QQ_ACTION_MQQAPI && UNSAFE_SCHEME.test(action.data)) {
    found.errors.push({ code: "qq.action.jumpTarget", path: [...actionPath, "data"] });
  }
}
