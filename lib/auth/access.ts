/** Paths anyone may reach: health, the login flow, and (signature-checked) platform callbacks. */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === "/api/health" ||
    pathname === "/login" ||
    pathname === "/api/auth/login" ||
    pathname.startsWith("/api/callbacks/")
  );
}
