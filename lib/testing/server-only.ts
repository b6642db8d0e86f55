// Stands in for the "server-only" guard under Vitest, which runs outside React Server Components.
export {};
