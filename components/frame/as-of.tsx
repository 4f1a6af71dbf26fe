"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useFormat } from "@/lib/client/time";

/** The global "as of" moment lives in the URL (?asOf=ISO) so every tab and reload keeps it. */
export function useAsOf(): string | null {
  return useSearchParams().get("asOf");
}

export function AsOfControl() {
  const f = useFormat();
  const asOf = useAsOf();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [value, setValue] = useState(asOf ? f.toInput(asOf) : "");
  // Follow the URL when it changes elsewhere (the banner's "back to now", a tab link, history).
  const [shownFor, setShownFor] = useState(asOf);
  if (asOf !== shownFor) {
    setShownFor(asOf);
    setValue(asOf ? f.toInput(asOf) : "");
  }

  function go(next: string | null) {
    const p = new URLSearchParams(params.toString());
    if (next) p.set("asOf", next);
    else p.delete("asOf");
    const s = p.toString();
    router.push(s ? `${pathname}?${s}` : pathname);
  }

  return (
    <form
      className="row as-of"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) go(f.fromInput(value));
      }}
    >
      <label htmlFor="as-of" className="label">
        As of
      </label>
      <input id="as-of" type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} />
      <button className="btn btn-small" type="submit" disabled={!value}>
        Go
      </button>
      {asOf && (
        <button
          className="btn btn-small"
          type="button"
          onClick={() => {
            setValue("");
            go(null);
          }}
        >
          Now
        </button>
      )}
    </form>
  );
}

export function AsOfBanner() {
  const f = useFormat();
  const asOf = useAsOf();
  const router = useRouter();
  const pathname = usePathname();
  if (!asOf) return null;
  return (
    <div className="banner" role="status">
      Viewing the scenario as it stood on <strong>{f.dateTime(asOf)}</strong> — read-only ·{" "}
      <a
        href={pathname}
        onClick={(e) => {
          e.preventDefault();
          router.push(pathname);
        }}
      >
        back to now
      </a>
    </div>
  );
}
