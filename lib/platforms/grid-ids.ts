/** The smallest n ≥ 1 for which `make(n)` is not taken: new controls get short, readable, unique ids. */
export function nextFreeId(taken: Iterable<unknown>, make: (n: number) => string): { n: number; id: string } {
  const used = new Set([...taken].filter((v): v is string => typeof v === "string"));
  for (let n = 1; ; n++) {
    const id = make(n);
    if (!used.has(id)) return { n, id };
  }
}
