// Types for scripts/pg-migrations.mjs.
export const SQLITE_MIGRATIONS: string;
export const PG_MIGRATIONS: string;
export function migrationNames(dir: string): string[];
