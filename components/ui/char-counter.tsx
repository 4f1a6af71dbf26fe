"use client";
// Text over a limit is refused at the field, never cut: inputs carry no maxLength (which
// silently truncates a paste); a counter appears near the limit and turns into an error
// past it, and the form's submit stays disabled until the text fits.

/** Whether `value` is over `max` characters as the server counts them (trimmed when `trim`). */
export const tooLong = (value: string, max: number, trim = true): boolean => (trim ? value.trim() : value).length > max;

export function CharCounter({ value, max, id, trim = true }: { value: string; max: number; id?: string; trim?: boolean }) {
  const n = (trim ? value.trim() : value).length;
  if (n < max * 0.8) return null;
  const over = n > max;
  return (
    <span id={id} className={over ? "field-error small" : "hint"} aria-live="polite" data-testid="char-counter">
      {n.toLocaleString("en-GB")} / {max.toLocaleString("en-GB")}
      {over ? ` — ${(n - max).toLocaleString("en-GB")} too many; shorten it to save` : ""}
    </span>
  );
}
