"use client";
// Dates render the same on the server and in the browser: both format in the time zone the
// server was told (the `tz` cookie, else UTC) against the moment the server rendered. After
// hydration the browser switches to its own zone and clock (and remembers the zone in the
// cookie for the next server render), so no text differs between the two renders (React
// error #418) and every date ends up in the viewer's zone.
import { createContext, useContext, useEffect, useMemo, useState } from "react";
import { formatDate, formatDateTime, formatRelative, fromLocalInput, toLocalInput } from "./format";

export const TZ_COOKIE = "tz";

interface TimeState {
  timeZone: string;
  now: number;
}

const TimeContext = createContext<TimeState>({ timeZone: "UTC", now: 0 });

export function TimeProvider({ timeZone, now, children }: TimeState & { children: React.ReactNode }) {
  const [state, setState] = useState<TimeState>({ timeZone, now });
  useEffect(() => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    if (own !== timeZone) document.cookie = `${TZ_COOKIE}=${encodeURIComponent(own)}; path=/; max-age=31536000; samesite=lax`;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's zone is known only after hydration
    setState({ timeZone: own, now: Date.now() });
    // relative hints ("5 minutes ago") stay true while the page is open
    const tick = setInterval(() => setState((s) => ({ ...s, now: Date.now() })), 60_000);
    return () => clearInterval(tick);
  }, [timeZone]);
  return <TimeContext.Provider value={state}>{children}</TimeContext.Provider>;
}

export interface Formatters {
  timeZone: string;
  now: number;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  /** "3 Sep 2022 14:05 · 2 days ago"; relative to `reference` (ISO) when given, else now. */
  relative(iso: string, reference?: string | null): string;
  toInput(iso: string): string;
  fromInput(value: string): string;
}

export function useFormat(): Formatters {
  const { timeZone, now } = useContext(TimeContext);
  return useMemo(
    () => ({
      timeZone,
      now,
      date: (iso) => formatDate(iso, timeZone),
      dateTime: (iso) => formatDateTime(iso, timeZone),
      relative: (iso, reference) => {
        const ref = reference ? Date.parse(reference) : now;
        const rel = formatRelative(iso, ref);
        return `${formatDateTime(iso, timeZone)} · ${reference ? rel.replace(/ ago$/, " before").replace(/^in (.*)$/, "$1 after") : rel}`;
      },
      toInput: (iso) => toLocalInput(iso, timeZone),
      fromInput: (value) => fromLocalInput(value, timeZone),
    }),
    [timeZone, now],
  );
}
