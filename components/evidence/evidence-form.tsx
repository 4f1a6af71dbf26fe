"use client";
import { useState } from "react";
import type { Credibility, Reliability } from "@/lib/math/evidence-weight";
import { useFormat } from "@/lib/client/time";
import type { ApiError } from "@/lib/client/api";
import { GradeFields } from "./grade-fields";
import { LIMITS } from "@/lib/validation/limits";
import { CharCounter, tooLong } from "@/components/ui/char-counter";

export interface EvidenceDraft {
  summary: string;
  excerpt: string | null;
  occurredAt: string | null;
  reliability: Reliability;
  credibility: Credibility;
  tags: string[];
}

/** The fields of one evidence item; used to log a new item and to edit (a new version). */
export function EvidenceForm({
  idPrefix,
  initial,
  excerptEditable,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial: EvidenceDraft;
  excerptEditable: boolean;
  submitLabel: string;
  pending: boolean;
  error: ApiError | null;
  onSubmit: (d: EvidenceDraft) => void;
  onCancel: () => void;
}) {
  const f = useFormat();
  const [summary, setSummary] = useState(initial.summary);
  const [excerpt, setExcerpt] = useState(initial.excerpt ?? "");
  const [occurred, setOccurred] = useState(initial.occurredAt ? f.toInput(initial.occurredAt) : "");
  const [reliability, setReliability] = useState<Reliability>(initial.reliability);
  const [credibility, setCredibility] = useState<Credibility>(initial.credibility);
  const [tags, setTags] = useState(initial.tags.join(", "));
  const fieldError = (p: string) => error?.forField(p);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          summary,
          excerpt: excerpt.trim() ? excerpt : null,
          occurredAt: occurred ? f.fromInput(occurred) : null,
          reliability,
          credibility,
          tags: tags.split(",").map((t) => t.trim()).filter(Boolean),
        });
      }}
    >
      <div className="field">
        <label htmlFor={`${idPrefix}-summary`}>Summary</label>
        <input id={`${idPrefix}-summary`} type="text" value={summary} onChange={(e) => setSummary(e.target.value)} required aria-invalid={!!fieldError("summary") || tooLong(summary, LIMITS.summary)} />
        <CharCounter value={summary} max={LIMITS.summary} />
        {fieldError("summary") && <span className="field-error">{fieldError("summary")}</span>}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-excerpt`}>Excerpt {excerptEditable ? "(verbatim, optional)" : "(verbatim from the source)"}</label>
        <textarea id={`${idPrefix}-excerpt`} value={excerpt} readOnly={!excerptEditable} onChange={(e) => setExcerpt(e.target.value)} aria-invalid={!!fieldError("excerpt") || tooLong(excerpt, LIMITS.excerpt)} />
        <CharCounter value={excerpt} max={LIMITS.excerpt} />
        {fieldError("excerpt") && <span className="field-error">{fieldError("excerpt")}</span>}
      </div>
      <GradeFields idPrefix={idPrefix} reliability={reliability} credibility={credibility} onReliability={setReliability} onCredibility={setCredibility} />
      <div className="row" style={{ alignItems: "flex-start" }}>
        <div className="field grow">
          <label htmlFor={`${idPrefix}-occurred`}>Occurred</label>
          <input id={`${idPrefix}-occurred`} type="datetime-local" value={occurred} onChange={(e) => setOccurred(e.target.value)} />
          <span className="hint">When it happened (your local time; stored as UTC).</span>
        </div>
        <div className="field grow">
          <label htmlFor={`${idPrefix}-tags`}>Tags</label>
          <input id={`${idPrefix}-tags`} type="text" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="insider, motive" />
          <span className="hint">Comma-separated.</span>
        </div>
      </div>
      {error && !error.errors.length && <p className="error-box" role="alert">{error.message}</p>}
      {error && error.errors.length > 0 && <p className="error-box" role="alert">{error.message}</p>}
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={pending || tooLong(summary, LIMITS.summary) || tooLong(excerpt, LIMITS.excerpt)}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
