import { answerPlatformCall } from "@/lib/simulator/platform-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function handle(request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await params;
  const answer = answerPlatformCall(request.method, `/${path.join("/")}`, request.headers.get("authorization"), await request.text());
  return Response.json(answer.body, { status: answer.status });
}

export { handle as GET, handle as PATCH, handle as POST, handle as PUT };
