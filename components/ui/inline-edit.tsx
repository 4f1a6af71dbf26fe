"use client";
import { useId, useState } from "react";
import { CharCounter, tooLong } from "./char-counter";

/** Click-to-edit text: Enter saves, Escape cancels; the server keeps every earlier version. */
export function InlineEdit({ value, label, max, onSave }: { value: string; label: string; max: number; onSave: (v: string) => Promise<unknown> }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const counterId = useId();
  if (!editing) {
    return (
      <span className="inline-edit">
        {value}
        <button
          type="button"
          className="btn-link small"
          style={{ marginLeft: 6, fontWeight: 400 }}
          aria-label={`Edit ${label.toLowerCase()}: ${value}`}
          onClick={() => {
            setDraft(value);
            setEditing(true);
          }}
        >
          edit
        </button>
      </span>
    );
  }
  const over = tooLong(draft, max);
  return (
    <form
      className="inline-edit-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (over) return;
        try {
          if (draft.trim() !== value) await onSave(draft.trim());
          setEditing(false);
          setError(null);
        } catch (err) {
          setError((err as Error).message);
        }
      }}
    >
      <input
        type="text"
        aria-label={label}
        value={draft}
        autoFocus
        aria-invalid={over}
        aria-describedby={counterId}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && setEditing(false)}
      />
      <button className="btn btn-small btn-primary" type="submit" disabled={over}>
        Save
      </button>
      <button className="btn btn-small" type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
      <CharCounter id={counterId} value={draft} max={max} />
      {error && <span className="field-error small" role="alert">{error}</span>}
    </form>
  );
}
