import { isHttps, sessionCookie } from "@/lib/auth/login";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(async ({ request }) =>
  Response.json({ ok: true }, { headers: { "set-cookie": sessionCookie("", 0, isHttps(request)) } }),
);
