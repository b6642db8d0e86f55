"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { platformPanels } from "@/components/platforms/registry";
import { buttonClasses } from "@/components/ui/button-classes";
import { REFUSAL_CODES } from "@/lib/interactions/kinds";
import { interactionDetailSchema, type InteractionDetail as Detail } from "@/lib/interactions/view-schema";
import { isPlatformId } from "@/lib/platforms/registry";
import { Countdown } from "./countdown";
import { CopyRequest } from "./copy-request";
import { Highlight } from "./highlight";
import { RelayRecord, relayRecordPending } from "./relay-record";
import { fetchParsed, type InteractionSummary } from "./use-live-interactions";

/** Re-reads of a relayed interaction's detail while its forward's record is behind: once a second, past the bot's late window (30 s). */
const RELAY_RECHECKS = 40;

function RefusalNote({ code }: { code: string }) {
  const t = useTranslations("refusals");
  const known = (REFUSAL_CODES as readonly string[]).includes(code);
  return (
    <p data-testid="refusal" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      {known ? t(`${code as "bad_signature"}.long`) : t("other", { code })}
    </p>
  );
}

/** Everything about one interaction, and the reply controls while it is pending. */
export function InteractionDetail({ summary, highlight }: { summary: InteractionSummary; highlight?: string }) {
  const t = useTranslations("live");
  const locale = useLocale();
  const [detail, setDetail] = useState<Detail | null>(null);
  // The detail could not be read (offline, gone, or not the API's answer): said, with a retry; the summary still shows.
  const [detailFailed, setDetailFailed] = useState(false);
  const platform = isPlatformId(summary.platform) ? summary.platform : null;
  const [reply, setReply] = useState<unknown>(platform ? (platformPanels[platform].starterReply ?? null) : null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  // Bumped after each reply (a card update changes what is left of the budget without changing the status) and each retry.
  const [sent, setSent] = useState(0);
  const [recheck, setRecheck] = useState(0);

  useEffect(() => {
    let live = true;
    void fetchParsed(`/api/interactions/${encodeURIComponent(summary.id)}`, interactionDetailSchema).then((read) => {
      if (!live) return;
      setDetailFailed(!read);
      if (read) setDetail(read);
    });
    return () => {
      live = false;
    };
  }, [summary.id, summary.status, summary.replySource, summary.updates, sent, recheck]);

  // The forward's record changes without a live event (written just after the bot's answer is decided, rewritten
  // when a late answer settles): read again while it is behind.
  useEffect(() => {
    if (!detail || !relayRecordPending(detail) || recheck >= RELAY_RECHECKS) return;
    const timer = setTimeout(() => setRecheck((n) => n + 1), 1000);
    return () => clearTimeout(timer);
  }, [detail, recheck]);

  async function send() {
    const response = await fetch(`/api/interactions/${summary.id}/reply`, { method: "POST", headers: { "content-type": "application/json", "accept-language": locale }, body: JSON.stringify(reply) }).catch(() => null);
    // Not sent at all: nothing changed on the server, so the reply stays as typed for another try.
    if (!response) return setResult({ ok: false, message: t("unreachable") });
    const body = await response.json().catch(() => null);
    const via: unknown = body?.delivered;
    const delivered = typeof via === "string" && t.has(`delivered.${via}`) ? t(`delivered.${via as "response"}`) : String(response.status);
    setResult(response.ok ? { ok: true, message: delivered } : { ok: false, message: body?.error?.message ?? String(response.status) });
    setSent((n) => n + 1);
  }

  const [replayUrl, setReplayUrl] = useState("");
  const [replayed, setReplayed] = useState<string | null>(null);
  async function replay() {
    const response = await fetch(`/api/interactions/${summary.id}/replay`, { method: "POST", headers: { "content-type": "application/json", "accept-language": locale }, body: JSON.stringify(replayUrl ? { targetUrl: replayUrl } : {}) }).catch(() => null);
    if (!response) return setReplayed(t("unreachable"));
    const body = await response.json().catch(() => null);
    setReplayed(response.ok && body ? t("replayed", { status: body.status, ms: body.ms, body: String(body.body).slice(0, 200) }) : (body?.error?.message ?? String(response.status)));
  }

  const ReplyEditor = platform ? platformPanels[platform].ReplyEditor : undefined;
  const ReplyChannelNote = platform ? platformPanels[platform].ReplyChannelNote : undefined;
  // Platforms with an update token (Feishu) take further answers as card updates while the budget lasts.
  const updating = summary.status === "answered" && (detail?.updatesLeft ?? 0) > 0;
  const answerable = summary.status === "pending" || updating;
  const sourceLabel = (source: string | null) => (source === "rule" || source === "manual" || source === "fallback" || source === "relay" ? t(`sources.${source}`) : "—");
  const timing = () => {
    if (summary.status === "received") return t("acknowledged");
    if (!detail || detail.answeredInMs === null) return detail?.deadlineMs ? t("notAnsweredDeadline", { deadline: detail.deadlineMs }) : t("notAnswered");
    if (detail.deadlineMs === null) return t("answeredIn", { ms: detail.answeredInMs, source: sourceLabel(detail.replySource) });
    return t("answeredInOf", { ms: detail.answeredInMs, deadline: detail.deadlineMs, source: sourceLabel(detail.replySource) });
  };
  return (
    <section aria-label={t("detail")} className="space-y-4">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("fields.status")}</dt>
        <dd data-testid="detail-status" className="font-medium">{t(`statuses.${summary.status as "pending"}`)}</dd>
        <dt className="text-slate-500">{t("fields.event")}</dt>
        <dd data-testid="detail-event-id" className="truncate font-mono text-xs">{summary.eventId}</dd>
        <dt className="text-slate-500">{t("fields.control")}</dt>
        <dd className="truncate font-mono text-xs">{summary.control ?? "—"}{summary.data ? ` · ${summary.data}` : ""}</dd>
        {detail?.fields && Object.keys(detail.fields).length > 0 ? (
          <>
            <dt className="text-slate-500">{t("fields.ruleFields")}</dt>
            <dd>
              <dl data-testid="detail-rule-fields" className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 font-mono text-xs">
                {Object.entries(detail.fields).map(([name, value]) => (
                  <div key={name} className="contents">
                    <dt className="text-slate-500">{name}</dt>
                    <dd className="break-all">{value}</dd>
                  </div>
                ))}
              </dl>
            </dd>
          </>
        ) : null}
        <dt className="text-slate-500">{t("fields.actor")}</dt>
        <dd className="truncate font-mono text-xs">{summary.actor ?? "—"}{summary.scene ? ` · ${summary.scene}` : ""}</dd>
        <dt className="text-slate-500">{t("fields.verified")}</dt>
        <dd data-testid="detail-verified" className={summary.status === "refused" ? "font-medium text-red-700" : undefined}>{summary.status === "refused" ? t("verifiedNo") : t("verifiedYes")}</dd>
        {summary.summary && summary.status !== "refused" ? (
          <>
            <dt className="text-slate-500">{t("fields.summary")}</dt>
            <dd className="break-words">{summary.summary}</dd>
          </>
        ) : null}
        {summary.status !== "refused" ? (
          <>
            <dt className="text-slate-500">{t("fields.timing")}</dt>
            <dd>{timing()}</dd>
          </>
        ) : null}
      </dl>
      {ReplyChannelNote && detail?.replyChannel ? <ReplyChannelNote channel={detail.replyChannel} reply={detail.reply} /> : null}
      {summary.status === "refused" && summary.summary ? <RefusalNote code={summary.summary} /> : null}
      {answerable && ReplyEditor ? (
        <div className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-3">
          <div className="flex items-center justify-between gap-2 text-sm">
            <span className="font-medium text-amber-900">{updating ? t("updateTitle") : t("answerTitle")}</span>
            {summary.deadlineAt ? <Countdown deadline={summary.deadlineAt} holdUntil={summary.holdUntil} /> : null}
          </div>
          {summary.replySource === "fallback" && summary.status === "pending" ? <p className="text-xs text-amber-800">{t("afterFallback")}</p> : null}
          {updating ? <p className="text-xs text-amber-800">{t("updatesLeft", { count: detail?.updatesLeft ?? 0 })}</p> : null}
          <ReplyEditor id="manual-reply" kind={summary.kind} value={reply} onChange={setReply} />
          <button type="button" className={buttonClasses("primary")} onClick={() => void send()}>{t("send")}</button>
        </div>
      ) : null}
      {summary.status === "answered" && detail?.updatesLeft === 0 ? <p className="text-xs text-slate-600">{t("updatesLeft", { count: 0 })}</p> : null}
      {result ? <p role="status" className={`text-sm ${result.ok ? "text-emerald-700" : "text-red-700"}`}>{result.message}</p> : null}
      <div className="space-y-2 rounded-lg border border-slate-200 p-3">
        <div className="flex flex-wrap gap-2">
          <input aria-label={t("replayUrl")} placeholder={t("replayUrlPlaceholder")} className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1.5 font-mono text-xs" value={replayUrl} onChange={(e) => setReplayUrl(e.target.value)} />
          <button type="button" className={buttonClasses("secondary", "py-1.5")} onClick={() => void replay()}>{t("replay")}</button>
        </div>
        <p className="text-xs text-slate-500">{t("replayHelp")}</p>
        {detail ? <CopyRequest endpointId={summary.endpointId} headers={detail.headers} body={detail.body} reply={detail.reply} targetUrl={replayUrl} /> : null}
        {replayed ? <p role="status" data-testid="replay-result" className="font-mono text-xs break-all text-slate-700">{replayed}</p> : null}
      </div>
      {detailFailed ? (
        <p role="alert" className="flex flex-wrap items-center gap-2 text-sm text-red-700">
          {t("detailFailed")}
          <button type="button" className={buttonClasses("secondary", "py-1")} onClick={() => setSent((n) => n + 1)}>{t("retry")}</button>
        </p>
      ) : null}
      {detail ? (
        <>
          {detail.relay ? <RelayRecord record={detail.relay} platform={summary.platform} replySource={detail.replySource} status={summary.status} /> : null}
          {detail.reply !== null ? (
            <div>
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {t("reply")}
                {/* Who sent it, so a relayed reply reads as the bot's ("by your bot"), not Button Studio's. */}
                {detail.replySource ? <span data-testid="reply-source" data-reply-source={detail.replySource} className="font-normal normal-case"> · {sourceLabel(detail.replySource)}</span> : null}
              </h3>
              <pre className="overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100">{JSON.stringify(detail.reply, null, 2)}</pre>
            </div>
          ) : null}
          <div>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("headers")}</h3>
            <table className="w-full text-left font-mono text-xs">
              <tbody>
                {Object.entries(detail.headers).map(([name, value]) => (
                  <tr key={name} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-2 font-medium whitespace-nowrap text-slate-600">{name}</th>
                    <td className="py-1 break-all text-slate-800">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={detail.decoded ? "grid gap-3 xl:grid-cols-2" : undefined}>
            <div className="min-w-0">
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{detail.decoded ? t("bodyDecrypted") : t("body")}</h3>
              <pre data-testid="detail-body" className="max-h-80 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100"><Highlight text={detail.parsed ? JSON.stringify(detail.parsed, null, 2) : (detail.decoded ?? detail.body)} query={highlight} /></pre>
            </div>
            {detail.decoded ? (
              <div className="min-w-0">
                <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("bodyRaw")}</h3>
                <pre data-testid="detail-raw-body" className="max-h-80 overflow-auto rounded-lg bg-slate-800 p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-200">{detail.body}</pre>
              </div>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
