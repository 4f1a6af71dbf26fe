"use client";
import Link from "next/link";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useRef, useState } from "react";
import { evidencePagesQuery, evidenceTagsQuery, membersQuery, sourcesQuery, type EvidenceFilters } from "@/lib/client/queries";
import { useFormat } from "@/lib/client/time";
import { RELIABILITY_GRADES } from "@/lib/math/evidence-weight";
import { QueryState } from "@/components/ui/query-state";
import { useScenarioMutation } from "@/components/overview/use-scenario-mutation";
import { GradeChip } from "./grade-fields";
import { EvidenceForm } from "./evidence-form";
import { EvidenceDetailDialog } from "./evidence-detail";

/** "What do we know, and how good is it?" — the evidence log with filters. */
export function EvidenceLog({ scenarioId, asOf, canEdit, initialOpen = null }: { scenarioId: string; asOf: string | null; canEdit: boolean; initialOpen?: string | null }) {
  const f = useFormat();
  const [text, setText] = useState("");
  const q = useDeferredValue(text);
  const [tag, setTag] = useState("");
  const [minReliability, setMinReliability] = useState("");
  const [maxCredibility, setMaxCredibility] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [includeRetracted, setIncludeRetracted] = useState(false);
  const [open, setOpen] = useState<string | null>(initialOpen);
  const [logging, setLogging] = useState(false);
  // every filter runs on the server, so a page holds only matching items
  const filters: EvidenceFilters = {
    q: q || undefined,
    tag: tag || undefined,
    includeRetracted: includeRetracted || undefined,
    minReliability: minReliability || undefined,
    maxCredibility: maxCredibility || undefined,
    occurredFrom: from ? f.fromInput(from) : undefined,
    occurredTo: to ? f.fromInput(`${to}T23:59:59.999`) : undefined,
  };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const evidence = useInfiniteQuery(evidencePagesQuery(scenarioId, asOf, filters));
  const tags = useQuery(evidenceTagsQuery(scenarioId));
  const members = useQuery(membersQuery(scenarioId));
  const sources = useQuery(sourcesQuery(scenarioId));
  const create = useScenarioMutation(`/api/v1/scenarios/${scenarioId}/evidence`, "POST");
  const nameOf = (id: string | null) => members.data?.items.find((m) => m.userId === id)?.name ?? "former member";
  const sourceOf = (id: string | null) => sources.data?.items.find((s) => s.id === id);
  const allTags = tags.data?.items ?? [];
  // the next page loads when the end of the list scrolls into view
  const end = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = evidence;
  useEffect(() => {
    const node = end.current;
    if (!node || !hasNextPage) return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((x) => x.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    seen.observe(node);
    return () => seen.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <div className="stack">
      <div className="spread">
        <h1 style={{ margin: 0 }}>Evidence</h1>
        {canEdit && (
          <div className="row">
            <span className="small muted">To quote a source, select a passage in the <Link href={`/scenarios/${scenarioId}/sources`} style={{ textDecoration: "underline" }}>source reader</Link>.</span>
            <button className="btn btn-primary" onClick={() => setLogging(true)}>
              Log an observation
            </button>
          </div>
        )}
      </div>
      {logging && (
        <div className="card">
          <h2>Log an observation</h2>
          <EvidenceForm
            idPrefix="new-ev"
            initial={{ summary: "", excerpt: null, occurredAt: null, reliability: "C", credibility: 3, tags: [] }}
            excerptEditable
            submitLabel="Log evidence"
            pending={create.isPending}
            error={create.error}
            onCancel={() => setLogging(false)}
            onSubmit={(d) => create.mutate(d, { onSuccess: () => setLogging(false) })}
          />
        </div>
      )}
      <div className="toolbar" role="search" aria-label="Filter evidence">
        <div className="field grow">
          <label htmlFor="ev-q">Search</label>
          <input id="ev-q" type="search" placeholder="Words in the summary or excerpt" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ev-tag">Tag</label>
          <select id="ev-tag" value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">any</option>
            {allTags.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ev-rel">Reliability</label>
          <select id="ev-rel" value={minReliability} onChange={(e) => setMinReliability(e.target.value)}>
            <option value="">any</option>
            {RELIABILITY_GRADES.slice(0, 5).map((g) => (
              <option key={g} value={g}>
                {g} or better
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ev-cred">Credibility</label>
          <select id="ev-cred" value={maxCredibility} onChange={(e) => setMaxCredibility(e.target.value)}>
            <option value="">any</option>
            {[1, 2, 3, 4, 5].map((g) => (
              <option key={g} value={g}>
                {g} or better
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ev-from">Occurred from</label>
          <input id="ev-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ev-to">to</label>
          <input id="ev-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <label className="row small" style={{ paddingBottom: 6 }}>
          <input type="checkbox" checked={includeRetracted} onChange={(e) => setIncludeRetracted(e.target.checked)} />
          Show retracted
        </label>
      </div>
      <QueryState query={evidence} what="evidence">
        {(data) => {
          const rows = data.pages.flatMap((p) => p.items);
          if (rows.length === 0 && !filtered)
            return <div className="empty">No evidence yet. Add a source and select a passage in it, or log an observation.</div>;
          if (rows.length === 0) return <div className="empty">No evidence matches these filters.</div>;
          return (
            <>
            <div className="table-wrap">
              <table className="data" aria-label="Evidence log">
                <thead>
                  <tr>
                    <th scope="col">Summary</th>
                    <th scope="col">Source</th>
                    <th scope="col">Occurred</th>
                    <th scope="col">Grade</th>
                    <th scope="col">Tags</th>
                    <th scope="col">Logged</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((e) => (
                    <tr key={e.id} className={e.retractedAt ? "retracted" : undefined} data-testid="evidence-row">
                      <td style={{ maxWidth: 520 }}>
                        <button className="btn-link summary" onClick={() => setOpen(e.id)}>
                          {e.summary}
                        </button>
                        {e.excerpt && <div className="small muted excerpt">{e.excerpt.length > 160 ? `${e.excerpt.slice(0, 160)}…` : e.excerpt}</div>}
                        {e.retractedAt && <div className="small">Retracted: {e.retractReason}</div>}
                        {e.version > 1 && <span className="small faint">v{e.version}</span>}
                      </td>
                      <td className="small">
                        {e.sourceId ? <Link href={`/scenarios/${scenarioId}/sources/${e.sourceId}`}>{sourceOf(e.sourceId)?.title ?? "source"}</Link> : <span className="faint">observation</span>}
                      </td>
                      <td className="small nowrap">{f.date(e.occurredAt)}</td>
                      <td>
                        <GradeChip reliability={e.reliability} credibility={e.credibility} />
                      </td>
                      <td>{e.tags.map((t) => <span key={t} className="tag">{t}</span>)}</td>
                      <td className="small nowrap">
                        {nameOf(e.createdBy)}
                        <div className="faint">{f.dateTime(e.createdAt)}</div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div ref={end} className="row small muted" style={{ justifyContent: "center", minHeight: 32 }}>
              {hasNextPage ? (
                <button className="btn" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
                  {isFetchingNextPage ? "Loading more…" : "Load more"}
                </button>
              ) : (
                <span>
                  {rows.length} {rows.length === 1 ? "item" : "items"}
                  {filtered ? " match" : ""}
                </span>
              )}
            </div>
            </>
          );
        }}
      </QueryState>
      {open && <EvidenceDetailDialog evidenceId={open} canEdit={canEdit} nameOf={nameOf} onClose={() => setOpen(null)} />}
    </div>
  );
}
