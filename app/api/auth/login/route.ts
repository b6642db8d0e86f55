import { isHttps, logIn, loginInput } from "@/lib/auth/login";
import { clientKey } from "@/lib/auth/login-throttle";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(async ({ request, locale }) => {
  const { password } = parseInput(loginInput, await readJsonBody(request), locale);
  const cookie = await logIn(getDb(), password, isHttps(request), clientKey(request));
  return Response.json({ ok: true }, { headers: { "set-cookie": cookie } });
});
