// Urgent Voice AI calls and promised callbacks (issue #26 item 1, docs/triage-rules.md). An AI
// agent that answered a call "answers" it, yet the customer may still be owed a person's call:
// when the report (HighLevel's VoiceAiCallEnd) says the call was urgent, or the agent promised a
// callback, the call owes one like a missed call (rules.ts `missed`), due by the time promised.
//   urgent   — an extracted field named like urgency/priority/emergency saying high, urgent,
//              emergency, critical, asap or yes (or true), or any extracted value "urgent"/"emergency".
//   promised — the summary, the transcript or an extracted value says "call you back", "will call
//              you", "callback" (or the Spanish "le/te llamaremos", "devolver la llamada").
//   due      — a time stated beside the promise: "within the hour" (+1 h), "within 30 minutes",
//              "within 2 hours"; "today"/"this afternoon"/"end of day" (17:00 in the business time
//              zone, THREADLINE_BUSINESS_TIME_ZONE); else the account's callback SLA (default 2 h).

export interface CallReportText {
  summary: string | null;
  transcript: string | null;
  extractedData: Record<string, unknown> | null;
}

const URGENT_KEY = /urgen|priority|emergenc/i;
const URGENT_VALUE = /^(high|urgent|emergency|critical|asap|yes|true|alta|urgente)$/i;
const URGENT_ANY_VALUE = /^(urgent|emergency|urgente)$/i;
const PROMISE =
  /\b(call(?:ing)? (?:you|them|him|her) back|will call you|call-?back|return (?:your|their|the) call|(?:le|te|lo|la) (?:llamaremos|vamos a llamar)|devolver(?:emos|le)? la llamada)\b/i;
const WITHIN_HOUR = /\b(?:within|in) (?:the|an|one|the next) hour\b|\bdentro de (?:la|una) hora\b/i;
const WITHIN_MINUTES = /\b(?:within|in) (\d{1,3}) ?(?:minutes|mins?)\b/i;
const WITHIN_HOURS = /\b(?:within|in) (\d{1,2}|two|three|four) hours\b/i;
const TODAY = /\b(today|this afternoon|this morning|end of (?:the )?day|before (?:we )?close|hoy|esta tarde)\b/i;
const WORD_NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4 };

export const BUSINESS_DAY_END_HOUR = 17;

function values(data: Record<string, unknown> | null): Array<[string, string]> {
  return Object.entries(data ?? {}).flatMap(([key, value]) =>
    typeof value === "string" || typeof value === "boolean" || typeof value === "number"
      ? [[key, String(value).trim()] as [string, string]]
      : [],
  );
}

export function isUrgent(data: Record<string, unknown> | null): boolean {
  return values(data).some(
    ([key, value]) => (URGENT_KEY.test(key) && URGENT_VALUE.test(value)) || URGENT_ANY_VALUE.test(value),
  );
}

/** The sentences that promise a callback (where a stated time belongs to the promise). */
export function promiseSentences(report: CallReportText): string[] {
  const sentences = [report.summary ?? "", report.transcript ?? ""]
    .flatMap((text) => text.split(/\n|(?<=[.!])\s+/))
    .concat(values(report.extractedData).map(([, value]) => value));
  return sentences.filter((sentence) => PROMISE.test(sentence));
}

/** 17:00 on `at`'s day in the time zone (a DST change that day shifts it by its hour at most). */
export function endOfBusinessDay(at: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  const offset = wall - Math.floor(at.getTime() / 60_000) * 60_000;
  return new Date(Date.UTC(part("year"), part("month") - 1, part("day"), BUSINESS_DAY_END_HOUR) - offset);
}

export function businessTimeZone(): string {
  const zone = process.env.THREADLINE_BUSINESS_TIME_ZONE?.trim();
  if (!zone) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}

/** When the call's callback is due, or null when the report owes none. */
export function callbackDueAt(
  report: CallReportText,
  sentAt: Date,
  slaMinutes: number,
  timeZone = businessTimeZone(),
): Date | null {
  const promises = promiseSentences(report);
  if (promises.length === 0 && !isUrgent(report.extractedData)) return null;
  const after = (minutes: number) => new Date(sentAt.getTime() + minutes * 60_000);
  const stated = promises.join(" ");
  if (WITHIN_HOUR.test(stated)) return after(60);
  const minutes = WITHIN_MINUTES.exec(stated);
  if (minutes) return after(Number(minutes[1]));
  const hours = WITHIN_HOURS.exec(stated);
  if (hours) return after((WORD_NUMBERS[hours[1]!.toLowerCase()] ?? Number(hours[1])) * 60);
  if (TODAY.test(stated)) {
    const close = endOfBusinessDay(sentAt, timeZone);
    if (close > sentAt) return close;
  }
  return after(slaMinutes);
}
