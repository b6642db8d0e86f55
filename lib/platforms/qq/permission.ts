import { isRecord } from "../issues";
import type { Actor, PermissionVerdict } from "../types";

/** action.permission.type: 0 指定用户, 1 仅管理者, 2 所有人, 3 指定身份组 (仅频道可用). */
export function qqPermission(cell: unknown, actor: Actor): PermissionVerdict {
  const action = isRecord(cell) && isRecord(cell.action) ? cell.action : {};
  const permission = isRecord(action.permission) ? action.permission : {};
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
  switch (permission.type) {
    case 0: {
      const allowed = list(permission.specify_user_ids).includes(actor.userId);
      return { allowed, code: allowed ? "qq.verdict.listedUser" : "qq.verdict.unlistedUser", params: { user: actor.userId } };
    }
    case 1:
      return { allowed: actor.isAdmin, code: actor.isAdmin ? "qq.verdict.admin" : "qq.verdict.adminsOnly" };
    case 2:
      return { allowed: true, code: "qq.verdict.everyone" };
    case 3: {
      if ((actor.scene ?? "guild") !== "guild") return { allowed: false, code: "qq.verdict.rolesGuildOnly", params: { scene: actor.scene ?? "" } };
      const roles = list(permission.specify_role_ids);
      const match = actor.roles.find((role) => roles.includes(role));
      return match
        ? { allowed: true, code: "qq.verdict.hasRole", params: { role: match } }
        : { allowed: false, code: "qq.verdict.lacksRole" };
    }
    default:
      return { allowed: false, code: "qq.verdict.unknown" };
  }
}
