// Types for scripts/pg-cluster.mjs.
export interface PgCluster {
  /** postgresql://postgres@127.0.0.1:<port>/postgres — a superuser, trust auth. */
  url: string;
  dir: string;
  stop(): void;
}
export function findPgBin(): string | null;
export function ensurePgBin(log?: (line: string) => void): string;
export function startPgCluster(options?: { log?: (line: string) => void }): Promise<PgCluster>;
