import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath } from "@/lib/auth/access";
import { isAuthorized } from "@/lib/auth/authorized";
import { errorResponse } from "@/lib/http/respond";
import { HttpError } from "@/lib/http/errors";
import { negotiateLocale } from "@/lib/i18n/negotiate";

/**
 * The one gate: pages redirect to /login, API calls get a 401 JSON error. It runs on every
 * request, so the session check is an HMAC plus one prepared primary-key read (lib/auth/session.ts).
 * Next 16 runs this file in the Node runtime, bundled with serverExternalPackages honoured
 * (next.config.js), so better-sqlite3 loads here as it does in route handlers.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();
  if (await isAuthorized(request.headers)) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    const locale = negotiateLocale(undefined, request.headers.get("accept-language"));
    return errorResponse(new HttpError(401, "unauthorized", "unauthorized", { header: "Authorization: Bearer <API_TOKEN>" }), locale);
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Static assets and icons need no session.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
