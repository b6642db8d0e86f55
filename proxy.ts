import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath } from "@/lib/auth/access";
import { hasValidApiToken } from "@/lib/auth/api-token";
import { isValidSessionToken, SESSION_COOKIE } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/respond";
import { HttpError } from "@/lib/http/errors";
import { negotiateLocale } from "@/lib/i18n/negotiate";

/** The one gate: pages redirect to /login, API calls get a 401 JSON error. */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();
  const signedIn =
    isValidSessionToken(request.cookies.get(SESSION_COOKIE)?.value) ||
    hasValidApiToken(request.headers.get("authorization"));
  if (signedIn) return NextResponse.next();
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
