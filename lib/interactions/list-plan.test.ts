import { describe, expect, it } from "vitest";
import { PLATFORM_IDS } from "@/lib/platforms/types";
import { INTERACTION_KINDS, INTERACTION_STATUSES } from "./kinds";
import { LIST_INDEXES, listPlan, type FilterColumn, type Filters } from "./list-plan";

const VALUES: Record<FilterColumn, string> = { endpointId: "ep", platform: "qq", kind: "button", status: "failed" };
/** Every set of filters list.ts passes on: the 16 subsets, a platform dropped beside an endpoint (it implies it). */
const COMBINATIONS: FilterColumn[][] = [[]];
for (const column of ["endpointId", "platform", "kind", "status"] as const) COMBINATIONS.push(...COMBINATIONS.map((set) => [...set, column]));
const passedOn = (set: FilterColumn[]) => (set.includes("endpointId") ? set.filter((c) => c !== "platform") : set);

describe("list plans (lib/interactions/list-plan.ts)", () => {
  it.each(COMBINATIONS.map((set) => [set.join("+") || "no filter", set] as const))("%s: an index whose equality columns hold every filter, the rest enumerated", (_name, set) => {
    const filters: Filters = Object.fromEntries(passedOn(set).map((c) => [c, VALUES[c]]));
    const plan = listPlan(filters);
    const index = LIST_INDEXES.find((i) => i.name === plan.index)!;
    expect(plan.arms.length).toBeGreaterThan(0);
    expect(plan.arms.length).toBeLessThanOrEqual(INTERACTION_KINDS.length * INTERACTION_STATUSES.length);
    for (const arm of plan.arms) {
      // Each arm is one range of the index: a value for each of its equality columns, in its order.
      expect(arm.map((c) => c.column)).toEqual(index.columns);
      for (const column of passedOn(set)) expect(arm.find((c) => c.column === column)?.value).toBe(VALUES[column]);
    }
    // The arms cover every value of each free column once: together they are exactly the filtered rows.
    const free = index.columns.filter((c) => !passedOn(set).includes(c));
    const domain = { platform: PLATFORM_IDS.length, kind: INTERACTION_KINDS.length, status: INTERACTION_STATUSES.length } as Record<string, number>;
    expect(plan.arms.length).toBe(free.reduce((n, c) => n * domain[c]!, 1));
    expect(new Set(plan.arms.map((arm) => JSON.stringify(arm))).size).toBe(plan.arms.length);
  });

  it("never leaves an endpoint id free (its values are not known), and prefers a single range where there is one", () => {
    expect(listPlan({ status: "failed" })).toEqual({ index: "Interaction_status_receivedAt_id_idx", arms: [[{ column: "status", value: "failed" }]] });
    expect(listPlan({ endpointId: "ep", status: "failed" }).arms).toHaveLength(1);
    expect(listPlan({ kind: "button" }).index).toBe("Interaction_kind_platform_status_receivedAt_id_idx");
    expect(listPlan({}).index).toBe("Interaction_receivedAt_id_idx");
  });
});
