// `<local_datetime>`: Feishu shows a timestamp in each reader's own time zone and language.
// The formats follow the rich-text (Markdown) component page of the card JSON 2.0 docs:
// date_num 2019-03-15 · date_short Mar 15 / 3月15日 · date Mar 15, 2019 / 2019年3月15日 ·
// week Tuesday / 星期二 · week_short Tue / 周二 · time 13:42 · time_sec 13:42:53 · timezone GMT+8:00.

export const DATETIME_FORMATS = ["date_num", "date_short", "date", "week", "week_short", "time", "time_sec", "timezone"] as const;
export type DatetimeFormat = (typeof DATETIME_FORMATS)[number];

export function isDatetimeFormat(value: string): value is DatetimeFormat {
  return (DATETIME_FORMATS as readonly string[]).includes(value);
}

/** Numeric fields of `date` in `timeZone` (the runtime's own zone when undefined). */
function fields(date: Date, timeZone: string | undefined) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    hourCycle: "h23", timeZoneName: "longOffset",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? "";
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second"), offset: get("timeZoneName") };
}

/** "GMT+08:00" (Intl's long offset) as Feishu writes it, "GMT+8:00"; plain "GMT" is "GMT+0:00". */
function feishuOffset(offset: string): string {
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) return "GMT+0:00";
  return `GMT${m[1]}${Number(m[2])}:${m[3]}`;
}

/**
 * One timestamp (Unix milliseconds) in a Feishu `format_type`. `locale` undefined means the
 * reader's own language, `timeZone` undefined their own zone: what the Feishu client does.
 */
export function formatLocalDatetime(ms: number, format: DatetimeFormat, locale?: string, timeZone?: string): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return "";
  const f = fields(date, timeZone);
  switch (format) {
    case "date_num":
      return `${f.year}-${f.month}-${f.day}`;
    case "time":
      return `${f.hour}:${f.minute}`;
    case "time_sec":
      return `${f.hour}:${f.minute}:${f.second}`;
    case "timezone":
      return feishuOffset(f.offset);
    case "date_short":
      return new Intl.DateTimeFormat(locale, { timeZone, month: "short", day: "numeric" }).format(date);
    case "date":
      return new Intl.DateTimeFormat(locale, { timeZone, year: "numeric", month: "short", day: "numeric" }).format(date);
    case "week":
      return new Intl.DateTimeFormat(locale, { timeZone, weekday: "long" }).format(date);
    case "week_short":
      return new Intl.DateTimeFormat(locale, { timeZone, weekday: "short" }).format(date);
  }
}
