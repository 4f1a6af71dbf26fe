import { cookies } from "next/headers";
import { BriefDocument } from "@/components/brief/brief-document";
import { PrintButton } from "@/components/brief/print-button";
import css from "@/components/brief/brief.module.css";
import { requireViewer } from "@/lib/server/session";
import { asOfParam, loadOr404 } from "@/lib/server/load";
import { getBrief } from "@/lib/brief/service";
import { validTimeZone } from "@/lib/client/format";
import { isoQueryDate } from "@/lib/validation/common";

export const metadata = { title: "Brief · Branchpoint" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The brief, to read and to print: `?asOf=` the moment it describes, `?since=` what moved since. */
export default async function BriefPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ asOf?: string | string[]; since?: string | string[] }>;
}) {
  const { id } = await params;
  const sp = await searchParams;
  const asOf = asOfParam(sp.asOf);
  const viewer = await requireViewer(`/scenarios/${id}/brief`);
  const at = asOf ? new Date(asOf) : undefined;

  // `since` as the API reads it; one that is not before the moment described is said, not obeyed
  const rawSince = one(sp.since)?.trim() || undefined;
  const parsed = rawSince === undefined ? null : isoQueryDate.safeParse(rawSince);
  let since: Date | undefined;
  let sinceError: string | null = null;
  if (parsed && !parsed.success) sinceError = `“${rawSince}” is not a date.`;
  else if (parsed?.success) {
    if (parsed.data.getTime() < (at ?? viewer.store.now()).getTime()) since = parsed.data;
    else sinceError = asOf ? "“Changes since” must be before the moment the brief describes." : "“Changes since” must be in the past.";
  }

  const brief = await loadOr404(() => getBrief(viewer.store, viewer.actor, id, { asOf: at, since }));
  const timeZone = validTimeZone((await cookies()).get("tz")?.value);
  const markdown = new URLSearchParams({ format: "markdown", ...(asOf ? { asOf } : {}), ...(since ? { since: since.toISOString() } : {}) });
  const sinceValue = since ? since.toISOString().slice(0, 10) : "";

  return (
    <main className={`page ${css.page}`}>
      <div className={css.toolbar}>
        <form method="get" aria-label="Changes since">
          {asOf && <input type="hidden" name="asOf" value={asOf} />}
          <div className="field">
            <label htmlFor="brief-since">Changes since (UTC date)</label>
            <input id="brief-since" type="date" name="since" defaultValue={sinceValue} max={(asOf ?? viewer.store.now().toISOString()).slice(0, 10)} />
          </div>
          <button className="btn" type="submit">
            Show changes
          </button>
          {since && (
            <a className="btn" href={asOf ? `?asOf=${encodeURIComponent(asOf)}` : "?"}>
              Clear
            </a>
          )}
        </form>
        <div className={css.actions}>
          <a className="btn" href={`/api/v1/scenarios/${id}/brief?${markdown.toString()}`} download>
            Download Markdown
          </a>
          <PrintButton />
        </div>
      </div>
      {sinceError && (
        <p className="error-box" role="alert">
          {sinceError} The brief below leaves out what moved.
        </p>
      )}
      <BriefDocument brief={brief} timeZone={timeZone} />
    </main>
  );
}
