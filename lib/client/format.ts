// How numbers and dates read in the UI: percentages with ICD 203 words, dates in the
// user's locale with a relative hint, always stored and sent as UTC.
import { format, formatDistanceStrict } from "date-fns";
import { icd203Words } from "@/lib/math/probability";

export const pct = (p: number | null | undefined, digits = 0): string =>
  p === null || p === undefined ? "—" : `${(p * 100).toFixed(digits)} %`;

export const words = (p: number | null | undefined): string => (p === null || p === undefined ? "no estimate" : icd203Words(p));

export const signedPoints = (d: number): string => {
  const pts = Math.round(d * 100);
  return pts === 0 ? "±0" : pts > 0 ? `▲${pts}` : `▼${-pts}`;
};

export const fmtDate = (iso: string | null | undefined): string => (iso ? format(new Date(iso), "d MMM yyyy") : "—");
export const fmtDateTime = (iso: string | null | undefined): string => (iso ? format(new Date(iso), "d MMM yyyy HH:mm") : "—");

/** "3 Sep 2022 · 2 days before" relative to a reference moment (default now). */
export function fmtRelative(iso: string, reference: Date = new Date()): string {
  const d = new Date(iso);
  const rel = formatDistanceStrict(d, reference);
  return `${fmtDateTime(iso)} · ${d <= reference ? `${rel} ago` : `in ${rel}`}`;
}

/** A value for <input type="datetime-local"> in the user's time zone. */
export const toLocalInput = (iso: string): string => format(new Date(iso), "yyyy-MM-dd'T'HH:mm");
