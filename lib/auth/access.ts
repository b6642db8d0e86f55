/**
 * Paths anyone may reach: health, the login flow, (signature-checked) platform
 * callbacks, and the simulator's stand-in platform APIs that this server itself calls.
 */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === "/api/health" ||
    pathname === "/login" ||
    pathname === "/api/auth/login" ||
    pathname.startsWith("/api/callbacks/") ||
    pathname.startsWith("/api/simulator/platform/")
  );
}
