import { isRecord } from "@/lib/platforms/issues";

/** Immutable nested set; `undefined` removes the key (so optional fields leave the JSON). */
export function setIn(value: unknown, path: string[], next: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  const base = isRecord(value) ? value : {};
  const child = rest.length ? setIn(base[head], rest, next) : next;
  if (child === undefined) {
    const { [head]: _removed, ...others } = base;
    return others;
  }
  return { ...base, [head]: child };
}

export function getIn(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), value);
}
