// Types for scripts/migrate.mjs (plain JS: `npm start` runs it without TypeScript).
export const PG_MIGRATIONS_DIR: string;
export function databaseKindOf(url: string): "sqlite" | "postgres";
export function checksumOf(sql: string): string;
export function migratePostgres(url: string, options?: { dir?: string; log?: (line: string) => void }): Promise<string[]>;
