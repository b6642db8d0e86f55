import "server-only";
import { createTranslator } from "next-intl";
import { getDb } from "@/lib/db";
import { MAX_BODY_BYTES } from "@/lib/http/read-limited";
import { readChunks } from "@/lib/http/read-chunks";
import { getCatalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { handleCallback } from "./ingest";

/** An endpoint id as this server issues them (cuid); anything else cannot be an endpoint. */
export const ENDPOINT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A client still sending past the limit is read this far (then answered 413); beyond it the connection is cut. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

export interface CallbackRequest {
  endpointId: string;
  headers: Headers;
  chunks: AsyncIterable<Uint8Array>;
  /** When the request arrived: the platform's deadline runs from here, not from when the body was read. */
  arrivedAt: Date;
}

export interface CallbackResponse {
  status: number;
  body: unknown;
  /** Close the connection after answering (a body too large to drain). */
  close?: boolean;
}

/**
 * The one callback handler, for the node:http lane and the Next route alike: the same body reading,
 * the same 404/413/500 JSON in the caller's language, and the platform's answer otherwise.
 */
export async function serveCallback(request: CallbackRequest): Promise<CallbackResponse> {
  const locale = negotiateLocale(undefined, request.headers.get("accept-language"));
  const unknown = () => failure(404, "not_found", "endpointNotFound", locale, { id: request.endpointId.slice(0, 64).toWellFormed() });
  if (!ENDPOINT_ID.test(request.endpointId)) return unknown();
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > DRAIN_LIMIT_BYTES) return { ...tooLarge(locale), close: true };
  const read = await readChunks(request.chunks, MAX_BODY_BYTES, DRAIN_LIMIT_BYTES);
  if (!read.ok) return { ...tooLarge(locale), close: !read.drained };
  try {
    const answer = await handleCallback(request.endpointId, { headers: request.headers, body: read.body }, { db: getDb(), now: () => new Date(), arrivedAt: request.arrivedAt });
    return answer.status === 404 ? unknown() : withMessage(answer, locale);
  } catch (error) {
    console.error("[callbacks] unhandled error:", error instanceof Error ? error.stack : String(error));
    return failure(500, "internal", "internal", locale);
  }
}

function tooLarge(locale: Locale): CallbackResponse {
  return failure(413, "body_too_large", "bodyTooLarge", locale, { limit: MAX_BODY_BYTES });
}

function failure(status: number, code: string, key: string, locale: Locale, params: Record<string, string | number> = {}): CallbackResponse {
  const t = createTranslator({ locale, messages: getCatalogue(locale), namespace: "errors" });
  return { status, body: { error: { code, message: t(key as Parameters<typeof t>[0], params) } } };
}

/** A refusal (`{error: {code}}` from the core) gains the catalogue's explanation of its code. */
function withMessage(answer: { status: number; body: unknown }, locale: Locale): CallbackResponse {
  const error = answer.status >= 400 && isErrorBody(answer.body) ? answer.body.error : null;
  if (!error || error.message !== undefined) return answer;
  const t = createTranslator({ locale, messages: getCatalogue(locale), namespace: "refusals" });
  const key = `${error.code}.long` as Parameters<typeof t>[0];
  const message = t.has(key) ? t(key) : t("other" as Parameters<typeof t>[0], { code: error.code });
  return { status: answer.status, body: { error: { ...error, message } } };
}

function isErrorBody(body: unknown): body is { error: { code: string; message?: string } } {
  return typeof body === "object" && body !== null && "error" in body && typeof (body as { error: unknown }).error === "object" && (body as { error: object | null }).error !== null;
}
