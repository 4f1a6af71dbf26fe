"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { evidenceItemQuery } from "@/lib/client/queries";
import { useFormat } from "@/lib/client/time";
import type { EvidenceVersion } from "@/lib/client/types";
import type { Credibility } from "@/lib/math/evidence-weight";
import { QueryState } from "@/components/ui/query-state";
import { useScenarioMutation } from "@/components/overview/use-scenario-mutation";
import { GradeChip } from "./grade-fields";
import { EvidenceForm, type EvidenceDraft } from "./evidence-form";
import { LIMITS } from "@/lib/validation/limits";
import { CharCounter, tooLong } from "@/components/ui/char-counter";

function VersionCard({ v, nameOf }: { v: EvidenceVersion; nameOf: (id: string | null) => string }) {
  const f = useFormat();
  return (
    <div className="card" style={{ minWidth: 260, flex: 1, marginTop: 0 }} data-testid="evidence-version">
      <div className="small muted">
        v{v.version} · {f.dateTime(v.createdAt)} · {nameOf(v.editedBy)}
      </div>
      <div style={{ fontWeight: 600 }}>{v.summary}</div>
      {v.excerpt && <blockquote className="small muted" style={{ margin: "6px 0" }}>“{v.excerpt}”</blockquote>}
      <div className="row small">
        <GradeChip reliability={v.reliability} credibility={v.credibility} /> occurred {f.date(v.occurredAt)}
      </div>
    </div>
  );
}

/** One evidence item: its versions side by side, edit (a new version) and retract. */
export function EvidenceDetailDialog({
  evidenceId,
  canEdit,
  nameOf,
  onClose,
}: {
  evidenceId: string;
  canEdit: boolean;
  nameOf: (id: string | null) => string;
  onClose: () => void;
}) {
  const f = useFormat();
  const q = useQuery(evidenceItemQuery(evidenceId));
  const [mode, setMode] = useState<"view" | "edit" | "retract">("view");
  const [reason, setReason] = useState("");
  const patch = useScenarioMutation(`/api/v1/evidence/${evidenceId}`, "PATCH");
  const retract = useScenarioMutation<{ reason: string }>(`/api/v1/evidence/${evidenceId}/retract`, "POST");
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="ev-detail-title" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div style={{ width: "min(960px, 94vw)" }}>
        <QueryState query={q} what="the evidence item">
          {(e) => (
            <>
              <div className="spread">
                <h2 id="ev-detail-title" style={{ margin: 0 }}>{e.summary}</h2>
                <button className="btn btn-small" onClick={onClose} aria-label="Close">
                  Close
                </button>
              </div>
              {e.retractedAt && (
                <p className="error-box small">
                  Retracted {f.dateTime(e.retractedAt)}: {e.retractReason}
                </p>
              )}
              {mode === "view" && (
                <>
                  <h3 style={{ marginTop: 12 }}>Versions ({e.versions.length})</h3>
                  <div className="row" style={{ alignItems: "stretch", overflowX: "auto" }}>
                    {e.versions.map((v) => (
                      <VersionCard key={v.version} v={v} nameOf={nameOf} />
                    ))}
                  </div>
                  {canEdit && !e.retractedAt && (
                    <div className="row" style={{ marginTop: 12 }}>
                      <button className="btn" onClick={() => setMode("edit")}>
                        Edit
                      </button>
                      <button className="btn btn-danger" onClick={() => setMode("retract")}>
                        Retract…
                      </button>
                    </div>
                  )}
                </>
              )}
              {mode === "edit" && (
                <div style={{ marginTop: 12 }}>
                  <p className="small muted">Saving creates version {e.version + 1}; earlier versions stay.</p>
                  <EvidenceForm
                    idPrefix="edit-ev"
                    initial={{ ...e, credibility: e.credibility as Credibility } as EvidenceDraft}
                    excerptEditable={!e.sourceId}
                    submitLabel="Save new version"
                    pending={patch.isPending}
                    error={patch.error}
                    onCancel={() => setMode("view")}
                    onSubmit={(d) => patch.mutate({ version: e.version, ...d, ...(e.sourceId ? { excerpt: undefined } : {}) }, { onSuccess: () => setMode("view") })}
                  />
                </div>
              )}
              {mode === "retract" && (
                <form
                  style={{ marginTop: 12 }}
                  onSubmit={(ev) => {
                    ev.preventDefault();
                    retract.mutate({ reason }, { onSuccess: () => setMode("view") });
                  }}
                >
                  <div className="field">
                    <label htmlFor="retract-reason">Why is this evidence retracted?</label>
                    <textarea id="retract-reason" value={reason} onChange={(ev) => setReason(ev.target.value)} required aria-invalid={tooLong(reason, LIMITS.reason)} />
                    <CharCounter value={reason} max={LIMITS.reason} />
                    <span className="hint">Retracted evidence stays in the log (greyed) and weighs nothing in the analysis.</span>
                  </div>
                  {retract.error && <p className="error-box" role="alert">{retract.error.message}</p>}
                  <div className="row">
                    <button className="btn btn-danger" type="submit" disabled={!reason.trim() || tooLong(reason, LIMITS.reason) || retract.isPending}>
                      Retract evidence
                    </button>
                    <button className="btn" type="button" onClick={() => setMode("view")}>
                      Cancel
                    </button>
                  </div>
                </form>
              )}
            </>
          )}
        </QueryState>
      </div>
    </div>
  );
}
