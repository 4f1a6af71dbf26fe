"use client";
import { useState } from "react";
import { problemOf } from "@/lib/client/api";

/**
 * Export downloads the lossless JSON document from the API. Fetched first, so a refusal (for
 * one, independent judgments still hiding a question from the caller) is said in words
 * instead of being saved as the file.
 */
export function ExportButton({ scenarioId }: { scenarioId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const href = `/api/v1/scenarios/${scenarioId}/export`;
  return (
    <span className="export-button">
      <a
        className="btn btn-small"
        href={href}
        download
        aria-disabled={busy || undefined}
        onClick={async (e) => {
          e.preventDefault();
          setError(null);
          setBusy(true);
          try {
            const res = await fetch(href, { credentials: "same-origin" });
            if (!res.ok) return setError((await problemOf(res)).message);
            const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "scenario.branchpoint.json";
            const url = URL.createObjectURL(await res.blob());
            const link = Object.assign(document.createElement("a"), { href: url, download: name });
            link.click();
            URL.revokeObjectURL(url);
          } finally {
            setBusy(false);
          }
        }}
      >
        Export
      </a>
      {error && (
        <span className="export-error small" role="alert">
          {error}
          <button className="btn-link small" style={{ marginLeft: 6 }} onClick={() => setError(null)}>
            dismiss
          </button>
        </span>
      )}
    </span>
  );
}
