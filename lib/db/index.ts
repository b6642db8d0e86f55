export { createDb, enableWal, getDb, type Db } from "./client";
export { DEFAULT_DATABASE_URL, resolveSqlitePath } from "./url";
