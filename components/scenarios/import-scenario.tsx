"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { api, ApiError } from "@/lib/client/api";

/** Import a Branchpoint export (JSON file): a new scenario with its whole history. */
export function ImportScenario() {
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        aria-label="Scenario export file to import"
        data-testid="import-file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setBusy(true);
          setError(null);
          try {
            const doc = JSON.parse(await file.text());
            const created = await api<{ id: string }>("/api/v1/scenarios/import", { method: "POST", body: doc });
            router.push(`/scenarios/${created.id}`);
            router.refresh();
          } catch (err) {
            setError(err instanceof ApiError ? err.message : "That file is not a Branchpoint export (not valid JSON).");
          } finally {
            setBusy(false);
            e.target.value = "";
          }
        }}
      />
      <button className="btn" type="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? "Importing…" : "Import"}
      </button>
      {error && (
        <span className="field-error small" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
