import { PLATFORM_IDS } from "@/lib/platforms/types";
import { INTERACTION_KINDS, INTERACTION_STATUSES } from "./kinds";

/**
 * How the inspector's filters reach a page without walking rows they reject: every combination of
 * endpoint, platform, kind and status is an equality prefix of one index that ends in (receivedAt, id).
 * Where that index has a column the filter leaves free, the free column's values are enumerated (the
 * lists in kinds.ts and PLATFORM_IDS: stored rows hold nothing else) and the page is the newest rows of
 * each arm merged: SQLite's compound ORDER BY and PostgreSQL's Merge Append read each arm in index order
 * and stop at the limit, so a page costs one index seek per arm plus the rows returned, whether the
 * filters match half the table or nothing. At most 36 arms (a platform alone: kind × status).
 *
 * The endpoint implies the platform (an endpoint's platform never changes and its rows carry it), so
 * list.ts answers an endpoint with another platform's filter at once and drops the platform otherwise.
 */
export type FilterColumn = "endpointId" | "platform" | "kind" | "status";
export type Filters = Partial<Record<FilterColumn, string>>;

/** The indexes ending in (receivedAt, id), by their leading equality columns (prisma/schema.prisma). */
export const LIST_INDEXES: readonly { name: string; columns: readonly FilterColumn[] }[] = [
  { name: "Interaction_receivedAt_id_idx", columns: [] },
  { name: "Interaction_endpointId_receivedAt_id_idx", columns: ["endpointId"] },
  { name: "Interaction_status_receivedAt_id_idx", columns: ["status"] },
  { name: "Interaction_endpointId_status_receivedAt_id_idx", columns: ["endpointId", "status"] },
  { name: "Interaction_kind_platform_status_receivedAt_id_idx", columns: ["kind", "platform", "status"] },
  { name: "Interaction_kind_endpointId_status_receivedAt_id_idx", columns: ["kind", "endpointId", "status"] },
];

/** Columns whose every value is known; an endpoint id is not, so no index may leave it free. */
const DOMAINS: Partial<Record<FilterColumn, readonly string[]>> = { platform: PLATFORM_IDS, kind: INTERACTION_KINDS, status: INTERACTION_STATUSES };

/** One index range: a value for each of the index's equality columns. */
export type Arm = readonly { column: FilterColumn; value: string }[];

export interface ListPlan {
  index: string;
  /** Ranges of `index` whose rows, merged newest first, are exactly the rows the filters keep. */
  arms: readonly Arm[];
}

/** The index (and its arms) that serves these filters with the fewest arms. Filters hold no platform beside an endpoint. */
export function listPlan(filters: Filters): ListPlan {
  const set = (Object.keys(filters) as FilterColumn[]).filter((column) => filters[column] !== undefined);
  let best: ListPlan | null = null;
  for (const index of LIST_INDEXES) {
    if (!set.every((column) => index.columns.includes(column))) continue;
    const free = index.columns.filter((column) => !set.includes(column));
    if (free.some((column) => !DOMAINS[column])) continue;
    let arms: Arm[] = [[]];
    for (const column of index.columns) {
      const values = set.includes(column) ? [filters[column]!] : DOMAINS[column]!;
      arms = arms.flatMap((arm) => values.map((value) => [...arm, { column, value }]));
    }
    if (!best || arms.length < best.arms.length) best = { index: index.name, arms };
  }
  // LIST_INDEXES has an index for each column set the filters can make (list-plan.test.ts checks all of them).
  if (!best) throw new Error(`no index serves the filters ${set.join(", ")}`);
  return best;
}
