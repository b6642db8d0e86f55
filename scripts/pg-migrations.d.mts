// Types for scripts/pg-migrations.mjs.
export const SQLITE_MIGRATIONS: string;
export const PG_MIGRATIONS: string;
export function migrationNames(dir: string): string[];
export const SQLITE_ONLY: string;
export const PG_OWN_FILE: string;
export function splitSqliteOnly(sql: string): { shared: string; sqliteOnly: string | null };
export function pgOwnSql(): { name: string; sql: string }[];
