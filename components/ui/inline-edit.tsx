"use client";
import { useState } from "react";

/** Click-to-edit text: Enter saves, Escape cancels; the server keeps every earlier version. */
export function InlineEdit({ value, label, onSave }: { value: string; label: string; onSave: (v: string) => Promise<unknown> }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
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
  return (
    <form
      className="row"
      style={{ display: "inline-flex" }}
      onSubmit={async (e) => {
        e.preventDefault();
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
        maxLength={300}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && setEditing(false)}
        style={{ minWidth: 280 }}
      />
      <button className="btn btn-small btn-primary" type="submit">
        Save
      </button>
      <button className="btn btn-small" type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {error && <span className="field-error small" role="alert">{error}</span>}
    </form>
  );
}
