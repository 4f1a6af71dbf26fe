"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { evidenceQuery, sourceQuery } from "@/lib/client/queries";
import { useFormat } from "@/lib/client/time";
import { QueryState } from "@/components/ui/query-state";
import { useScenarioMutation } from "@/components/overview/use-scenario-mutation";
import { EvidenceForm } from "@/components/evidence/evidence-form";
import { segmentText } from "./highlights";

/** A source's full text; selecting a passage offers "Log as evidence" with the excerpt kept verbatim. */
export function SourceReader({ scenarioId, sourceId, asOf, canEdit }: { scenarioId: string; sourceId: string; asOf: string | null; canEdit: boolean }) {
  const f = useFormat();
  const source = useQuery(sourceQuery(sourceId));
  const evidence = useQuery(evidenceQuery(scenarioId, asOf, { sourceId }));
  const create = useScenarioMutation(`/api/v1/scenarios/${scenarioId}/evidence`, "POST");
  const container = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<{ text: string; top: number } | null>(null);
  const [formOpen, setFormOpen] = useState<{ excerpt: string; top: number } | null>(null);
  const [logged, setLogged] = useState<string | null>(null);

  const segments = useMemo(
    () =>
      segmentText(
        source.data?.text ?? "",
        (evidence.data?.items ?? []).filter((e) => e.sourceId === sourceId && e.excerpt && !e.retractedAt).map((e) => ({ id: e.id, excerpt: e.excerpt! })),
      ),
    [source.data, evidence.data, sourceId],
  );

  function onSelect() {
    const sel = window.getSelection();
    const box = container.current;
    if (!sel || sel.isCollapsed || !box || !box.contains(sel.anchorNode) || !box.contains(sel.focusNode)) return setSelection(null);
    const text = sel.toString();
    if (!text.trim()) return setSelection(null);
    const rect = sel.getRangeAt(0).getBoundingClientRect();
    setSelection({ text, top: rect.bottom - box.getBoundingClientRect().top + 8 });
  }

  return (
    <QueryState query={source} what="the source">
      {(s) => (
        <div className="layout-2">
          <article className="card">
            <div className="small muted">
              <Link href={`/scenarios/${scenarioId}/sources`}>Sources</Link> /
            </div>
            <h1>{s.title}</h1>
            <p className="muted small">
              {[s.author, s.publisher, s.publishedAt ? f.date(s.publishedAt) : null].filter(Boolean).join(" · ")}
              {s.url && (
                <>
                  {" · "}
                  <a href={s.url} target="_blank" rel="noreferrer noopener" style={{ textDecoration: "underline" }}>
                    original
                  </a>
                </>
              )}
            </p>
            {logged && (
              <p className="notice small" role="status">
                Logged as evidence. <Link href={`/scenarios/${scenarioId}/evidence`}>Open the evidence log</Link> or{" "}
                <Link href={`/scenarios/${scenarioId}/matrix`}>rate it in the matrix</Link>.
              </p>
            )}
            {!s.text ? (
              <div className="empty">This source has no full text, so passages cannot be quoted from it.</div>
            ) : (
              <div ref={container} className="reader" data-testid="source-text" onMouseUp={canEdit ? onSelect : undefined} onKeyUp={canEdit ? onSelect : undefined}>
                {segments.map((seg, i) =>
                  seg.evidenceId ? (
                    <mark key={i} title="Already logged as evidence">
                      <Link href={`/scenarios/${scenarioId}/evidence?open=${seg.evidenceId}`}>{seg.text}</Link>
                    </mark>
                  ) : (
                    <span key={i}>{seg.text}</span>
                  ),
                )}
                {selection && !formOpen && (
                  <div className="popover" style={{ top: selection.top, left: 0, width: "auto", padding: 8 }}>
                    <button
                      className="btn btn-primary btn-small"
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => {
                        setFormOpen({ excerpt: selection.text, top: selection.top });
                        setSelection(null);
                      }}
                    >
                      Log as evidence
                    </button>
                  </div>
                )}
                {formOpen && (
                  <div className="popover" style={{ top: formOpen.top, left: 0, width: 460, whiteSpace: "normal", fontSize: 14, lineHeight: 1.5 }} role="dialog" aria-label="Log as evidence">
                    <EvidenceForm
                      idPrefix="sel-ev"
                      initial={{ summary: "", excerpt: formOpen.excerpt.trim(), occurredAt: null, reliability: "C", credibility: 3, tags: [] }}
                      excerptEditable={false}
                      submitLabel="Log evidence"
                      pending={create.isPending}
                      error={create.error}
                      onCancel={() => setFormOpen(null)}
                      onSubmit={(d) =>
                        create.mutate(
                          { ...d, excerpt: formOpen.excerpt, sourceId },
                          {
                            onSuccess: (e) => {
                              setFormOpen(null);
                              setLogged((e as { id: string }).id);
                              window.getSelection()?.removeAllRanges();
                            },
                          },
                        )
                      }
                    />
                  </div>
                )}
              </div>
            )}
          </article>
          <aside className="card">
            <h2>Logged from this source</h2>
            {canEdit && <p className="small muted">Select a passage in the text to log it as evidence; the excerpt is kept verbatim and linked here.</p>}
            <QueryState query={evidence} what="evidence">
              {(data) => {
                const mine = data.items.filter((e) => e.sourceId === sourceId);
                return mine.length === 0 ? (
                  <p className="muted small">Nothing logged from this source yet.</p>
                ) : (
                  <ul className="activity">
                    {mine.map((e) => (
                      <li key={e.id} className={e.retractedAt ? "faint" : undefined}>
                        <span className="chip chip-grade">{e.reliability}{e.credibility}</span> {e.summary}
                      </li>
                    ))}
                  </ul>
                );
              }}
            </QueryState>
          </aside>
        </div>
      )}
    </QueryState>
  );
}
