/**
 * Process-wide state, created once per process. The callback lane (bundled by esbuild) and
 * Next's bundle each load their own copy of every module, and dev hot reload re-evaluates
 * them; keeping the value on globalThis under one registry makes all of them share it.
 */
const registry = ((globalThis as typeof globalThis & { __buttonStudio?: Map<string, unknown> }).__buttonStudio ??= new Map<string, unknown>());

export function remember<T>(key: string, create: () => T): T {
  if (registry.has(key)) return registry.get(key) as T;
  const value = create();
  registry.set(key, value);
  return value;
}

/** Drops a remembered value (tests, or a cache that must be rebuilt). */
export function forget(key: string): void {
  registry.delete(key);
}
