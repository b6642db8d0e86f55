// Types for scripts/pg-schema.mjs.
export const SQLITE_SCHEMA: string;
export const PG_SCHEMA: string;
export function toPostgresSchema(schema: string): string;
export function expectedPostgresSchema(): string;
