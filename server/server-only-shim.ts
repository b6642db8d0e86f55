// Stands in for the "server-only" guard where no React Server Components bundler resolves it: Vitest and the esbuild-bundled callback lane.
export {};
