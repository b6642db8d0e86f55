import { isHttps, sessionCookie } from "@/lib/auth/login";
import { revokeSession, sessionTokenFrom } from "@/lib/auth/session";
import { route } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Ends the session server-side (a copy of the cookie stops working too), then clears the cookie. */
export const POST = route(async ({ request }) => {
  await revokeSession(sessionTokenFrom(request.headers.get("cookie")));
  return Response.json({ ok: true }, { headers: { "set-cookie": sessionCookie("", 0, isHttps(request)) } });
});
