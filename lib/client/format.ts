// How numbers and dates read in the UI: percentages with ICD 203 words, dates in the
// viewer's time zone with a relative hint, always stored and sent as UTC. Date functions
// take the time zone (and "now") explicitly, so the server's render and the browser's
// hydration print the same text (lib/client/time.tsx supplies both).
import { icd203Words } from "@/lib/math/probability";

export const pct = (p: number | null | undefined, digits = 0): string =>
  p === null || p === undefined ? "—" : `${(p * 100).toFixed(digits)} %`;

export const words = (p: number | null | undefined): string => (p === null || p === undefined ? "no estimate" : icd203Words(p));

/** How far apart the team is, in words: disagreement below 0.05 low, below 0.15 moderate, else high. */
export const spreadOf = (d: number | null): "low" | "moderate" | "high" | null => (d === null ? null : d < 0.05 ? "low" : d < 0.15 ? "moderate" : "high");

/** The spread as the screens show it: only when two or more analysts have estimated (one agrees with nobody). */
export const shownSpread = (q: { disagreement: number | null; analysts: number }) => (q.analysts >= 2 ? spreadOf(q.disagreement) : null);

/**
 * The change in whole points between two probabilities as pct() shows them (a missing side
 * counts 0), so "17 % → 18 %" is always followed by ▲1 — never by the ±0 that rounding the
 * raw difference (17.4 → 17.6) would give.
 */
export const shownPoints = (from: number | null, to: number | null): number => {
  const shown = (p: number | null) => (p === null ? 0 : Number((p * 100).toFixed(0)));
  return shown(to) - shown(from);
};

export const signedPoints = (d: number): string => {
  const pts = Math.round(d * 100);
  return pts === 0 ? "±0" : pts > 0 ? `▲${pts}` : `▼${-pts}`;
};

/** A time zone name Intl accepts, else UTC (a cookie is user input). */
export function validTimeZone(tz: string | null | undefined): string {
  if (!tz) return "UTC";
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    return tz;
  } catch {
    return "UTC";
  }
}

type Parts = Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;

const partsCache = new Map<string, Intl.DateTimeFormat>();
function wallClock(ms: number, timeZone: string): Parts {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsCache.set(timeZone, f);
  }
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of f.formatToParts(new Date(ms))) if (p.type in out) out[p.type as keyof Parts] = Number(p.value);
  return out;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** "3 Sep 2022" in the given zone. */
export function formatDate(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "—";
  const p = wallClock(Date.parse(iso), timeZone);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** "3 Sep 2022 14:05" in the given zone. */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "—";
  const p = wallClock(Date.parse(iso), timeZone);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year} ${two(p.hour)}:${two(p.minute)}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How far apart two instants are, in the largest unit under which the distance falls,
 * rounded: "45 seconds", "1 minute", "3 hours", "29 days", "11 months", "2 years" (a month is
 * 30 days, a year 365 — a hint beside an exact date, not a calendar).
 */
export function distance(ms: number): string {
  const d = Math.abs(ms);
  // the first unit in which the rounded count stays under the next unit (59.7 min is "1 hour")
  const units: [string, number, number][] = [
    ["second", 1000, 60],
    ["minute", MINUTE, 60],
    ["hour", HOUR, 24],
    ["day", DAY, 30],
    ["month", 30 * DAY, 12],
    ["year", 365 * DAY, Infinity],
  ];
  for (const [unit, size, under] of units) {
    const k = Math.round(d / size);
    if (k < under) return `${k} ${unit}${k === 1 ? "" : "s"}`;
  }
  throw new Error("unreachable: years have no upper bound");
}

/** "2 days ago" / "in 3 hours" against `now` (ms). */
export function formatRelative(iso: string, now: number): string {
  const d = Date.parse(iso);
  const rel = distance(d - now);
  return d <= now ? `${rel} ago` : `in ${rel}`;
}

/** The value of an <input type="datetime-local"> showing `iso` in the given zone. */
export function toLocalInput(iso: string, timeZone: string): string {
  const p = wallClock(Date.parse(iso), timeZone);
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/**
 * The instant a datetime-local (or date) value names in the given zone, as ISO. The zone's
 * offset is read at the guess and re-read once, which settles around DST changes.
 */
export function fromLocalInput(value: string, timeZone: string): string {
  const [date, time = "00:00"] = value.split("T");
  const [y, mo, d] = (date ?? "").split("-").map(Number);
  const [h, mi, s] = time.split(":").map(Number);
  const wall = Date.UTC(y!, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  const offsetAt = (ms: number) => {
    const p = wallClock(ms, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (ms - (((ms % 1000) + 1000) % 1000));
  };
  let guess = wall - offsetAt(wall);
  guess = wall - offsetAt(guess);
  return new Date(guess).toISOString();
}
