"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatPath } from "@/lib/platforms/issues";
import { isPlatformId } from "@/lib/platforms/registry";
import { relayRecordSchema, type RelayRecord as Record_ } from "@/lib/interactions/view-schema";
import { TUNNEL_TARGET } from "@/lib/relay/target";

/** The reason codes of lib/relay/answer.ts (RelayRefusal) and the tunnel's; each has its own words. */
const REASONS = ["timeout", "unreachable", "too_large", "status", "empty", "invalid_json", "schema", "unfit", "no_tunnel"] as const;
/** The lifecycle refusals a valid answer can meet (lifecycle.ts Refusal). */
const REFUSALS = ["already_answered", "deadline_passed", "update_window_passed", "update_limit_reached", "delivery_failed"] as const;
/** Forward failures that leave no HTTP status to show. */
const ERRORS = ["timeout", "unreachable", "too_large"] as const;
/** Past this the body start is shown collapsed (scrollable), with a toggle. */
const LONG_BODY_CHARS = 400;
const LONG_BODY_LINES = 8;

const has = <T extends string>(list: readonly T[], value: string | undefined): value is T => value !== undefined && (list as readonly string[]).includes(value);

/**
 * Whether the stored record is behind what it will say: it is written just after the answer it describes is
 * decided (and a timed-out forward's is rewritten when the late answer settles), with no live event of its own.
 * The inspector reads the detail again while this holds.
 */
export function relayRecordPending(detail: { relay: Record<string, unknown> | null; replySource: string | null }): boolean {
  const read = detail.relay ? relayRecordSchema.safeParse(detail.relay) : null;
  if (detail.replySource === "relay" && (!read?.success || read.data.used === false)) return true;
  return read?.success === true && read.data.reason?.code === "timeout" && !read.data.late;
}

/** The bot's body start, pretty-printed when it is whole JSON (the stored start may be cut mid-way: then as is). */
function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/**
 * A relayed interaction's forward (issue 16), for the inspector: where it went, what the bot answered and how
 * fast, whether that answer became the reply and, when not, why in plain words; and what reached the platform.
 * `replySource` and `status` are the interaction's: the forward's record alone cannot say what went instead.
 */
export function RelayRecord({ record: raw, platform, replySource, status }: { record: Record<string, unknown>; platform: string; replySource: string | null; status: string }) {
  const t = useTranslations("live");
  const tp = useTranslations("platform");
  const tr = useTranslations("rules");
  const [expanded, setExpanded] = useState(false);
  const read = relayRecordSchema.safeParse(raw);
  if (!read.success) {
    return <pre data-testid="relay-record" className="overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100">{JSON.stringify(raw, null, 2)}</pre>;
  }
  const record: Record_ = read.data;
  const code = record.reason?.code;
  const error = has(ERRORS, code) ? code : undefined;
  const tunnel = record.target === TUNNEL_TARGET;
  const platformName = isPlatformId(platform) ? tp(platform) : platform;
  const noTunnel = code === "no_tunnel";

  const reasonText = (): string => {
    const reason = record.reason;
    if (!reason) return t("relay.notUsed");
    if (!has(REASONS, reason.code)) return t("relay.reasons.other", { code: reason.code });
    if (reason.code === "schema") {
      const detail = (reason.issues ?? []).map((issue) => `${formatPath(issue.path)}: ${tr.has(issue.code as never) ? tr(issue.code as never, issue.params as never) : issue.code}`).join("; ");
      return t("relay.reasons.schema", { platform: platformName, detail: detail || "—" });
    }
    return t(`relay.reasons.${reason.code}`, { ms: reason.ms ?? record.ms ?? 0, status: reason.status ?? record.status ?? 0, platform: platformName });
  };
  const refusedText = (refused: string) => (has(REFUSALS, refused) ? t(`relay.refused.${refused}`) : t("relay.refused.other", { code: refused }));
  const usedText = (used: string) => (t.has(`delivered.${used}` as never) ? t(`delivered.${used}` as never) : used);
  const reached = replySource === "relay" || replySource === "fallback" || replySource === "rule" || replySource === "manual" ? replySource : status === "pending" ? "pending" : "none";

  const body = record.body === undefined ? null : pretty(record.body);
  const long = body !== null && (body.length > LONG_BODY_CHARS || body.split("\n").length > LONG_BODY_LINES);
  const collapsed = long && !expanded;

  return (
    <section
      aria-label={t("relay.title")}
      data-testid="relay-record"
      data-relay-target={tunnel ? "tunnel" : "url"}
      data-relay-status={record.status !== undefined ? String(record.status) : error}
      data-relay-error={error}
      data-relay-reason={record.used === false ? code : undefined}
      data-relay-used={record.used === false ? "false" : record.used}
      data-relay-late={String(record.late)}
      data-relay-refused={record.refused}
      className="space-y-2 rounded-lg border border-violet-200 bg-violet-50/50 p-3"
    >
      <h3 className="text-xs font-semibold tracking-wide text-violet-800 uppercase">{t("relay.title")}</h3>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("relay.target")}</dt>
        <dd data-testid="relay-target" className={tunnel ? undefined : "truncate font-mono text-xs leading-5"}>{tunnel ? t("relay.tunnel") : record.target}</dd>
        {noTunnel ? null : (
          <>
            <dt className="text-slate-500">{t("relay.answer")}</dt>
            <dd data-testid="relay-status" className="font-mono text-xs leading-5">
              {record.status !== undefined ? `HTTP ${record.status}` : null}
              {error ? <span className="font-sans text-sm text-red-700">{record.status !== undefined ? " · " : ""}{t(`relay.errors.${error}`)}</span> : null}
            </dd>
            {record.ms !== undefined ? (
              <>
                <dt className="text-slate-500">{t("relay.time")}</dt>
                <dd data-testid="relay-ms">{t("relay.ms", { ms: record.ms })}</dd>
              </>
            ) : null}
            <dt className="text-slate-500">{t("relay.late")}</dt>
            <dd data-testid="relay-late">{record.late ? t("relay.lateYes") : t("relay.lateNo")}</dd>
          </>
        )}
        <dt className="text-slate-500">{t("relay.used")}</dt>
        <dd data-testid="relay-used" className={record.used === false ? "text-slate-700" : "font-medium text-emerald-700"}>
          {record.used === false ? t("relay.usedNo") : t("relay.usedYes", { channel: usedText(record.used) })}
        </dd>
        <dt className="text-slate-500">{t("relay.reached")}</dt>
        <dd data-testid="relay-reached" data-reply-source={replySource ?? undefined}>{t(`relay.reachedBy.${reached}`)}</dd>
      </dl>
      {record.used === false ? (
        <p data-testid="relay-reason" className="rounded-md border border-amber-200 bg-amber-50 px-2 py-1.5 text-sm text-amber-900">
          {record.refused ? refusedText(record.refused) : reasonText()}
        </p>
      ) : null}
      {body !== null ? (
        <div>
          <div className="mb-1 flex items-center justify-between gap-2">
            <h4 className="text-xs font-medium text-slate-600">{t("relay.body")}</h4>
            {long ? (
              <button type="button" data-testid="relay-body-toggle" aria-expanded={expanded} className="text-xs text-indigo-700 underline hover:text-indigo-500" onClick={() => setExpanded((e) => !e)}>
                {expanded ? t("relay.collapse") : t("relay.expand")}
              </button>
            ) : null}
          </div>
          <pre data-testid="relay-body" data-collapsed={collapsed} className={`${collapsed ? "max-h-24" : "max-h-80"} overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-100`}>{body === "" ? t("relay.emptyBody") : body}</pre>
        </div>
      ) : null}
    </section>
  );
}
