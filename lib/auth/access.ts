/**
 * Paths anyone may reach: health, the login flow, (signature-checked) platform
 * callbacks, and the simulator's stand-in platform APIs that this server itself calls.
 * Logout is open so a browser holding an already-ended session still gets its cookie
 * cleared; it can only end the session whose signed cookie it presents.
 */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === "/api/health" ||
    pathname === "/login" ||
    pathname === "/api/auth/login" ||
    pathname === "/api/auth/logout" ||
    pathname.startsWith("/api/callbacks/") ||
    pathname.startsWith("/api/simulator/platform/")
  );
}
