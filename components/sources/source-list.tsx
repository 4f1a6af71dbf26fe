"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { sourcesQuery } from "@/lib/client/queries";
import { useFormat } from "@/lib/client/time";
import { QueryState } from "@/components/ui/query-state";
import { useScenarioMutation } from "@/components/overview/use-scenario-mutation";
import { LIMITS } from "@/lib/validation/limits";
import { CharCounter, tooLong } from "@/components/ui/char-counter";

/** The scenario's documents; adding one with its full text makes passages quotable as evidence. */
export function SourceList({ scenarioId, asOf, canEdit }: { scenarioId: string; asOf: string | null; canEdit: boolean }) {
  const f = useFormat();
  const q = useQuery(sourcesQuery(scenarioId));
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({ title: "", publisher: "", author: "", publishedAt: "", url: "", text: "" });
  const create = useScenarioMutation<Record<string, string | null>, { id: string }>(`/api/v1/scenarios/${scenarioId}/sources`, "POST");
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm({ ...form, [k]: e.target.value });
  const err = (p: string) => create.error?.forField(p);
  const visible = <T extends { createdAt: string }>(items: T[]) => (asOf ? items.filter((s) => s.createdAt <= asOf) : items);

  return (
    <div className="stack">
      <div className="spread">
        <h1 style={{ margin: 0 }}>Sources</h1>
        {canEdit && !adding && (
          <button className="btn btn-primary" onClick={() => setAdding(true)}>
            Add source
          </button>
        )}
      </div>
      {adding && (
        <form
          className="card"
          aria-label="New source"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(
              { ...form, publishedAt: form.publishedAt ? f.fromInput(form.publishedAt) : null },
              { onSuccess: (s) => router.push(`/scenarios/${scenarioId}/sources/${s.id}`) },
            );
          }}
        >
          <h2>Add source</h2>
          <div className="field">
            <label htmlFor="src-title">Title</label>
            <input id="src-title" type="text" value={form.title} onChange={set("title")} required aria-invalid={tooLong(form.title, LIMITS.title)} />
            <CharCounter value={form.title} max={LIMITS.title} />
          </div>
          <div className="row" style={{ alignItems: "flex-start" }}>
            <div className="field grow">
              <label htmlFor="src-publisher">Publisher</label>
              <input id="src-publisher" type="text" value={form.publisher} onChange={set("publisher")} aria-invalid={tooLong(form.publisher, LIMITS.title)} />
              <CharCounter value={form.publisher} max={LIMITS.title} />
            </div>
            <div className="field grow">
              <label htmlFor="src-author">Author</label>
              <input id="src-author" type="text" value={form.author} onChange={set("author")} aria-invalid={tooLong(form.author, LIMITS.title)} />
              <CharCounter value={form.author} max={LIMITS.title} />
            </div>
            <div className="field">
              <label htmlFor="src-date">Published</label>
              <input id="src-date" type="date" value={form.publishedAt} onChange={set("publishedAt")} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="src-url">URL</label>
            <input id="src-url" type="url" value={form.url} onChange={set("url")} placeholder="https://…" aria-invalid={!!err("url")} />
            {err("url") && <span className="field-error">{err("url")}</span>}
          </div>
          <div className="field">
            <label htmlFor="src-text">Full text</label>
            <textarea id="src-text" value={form.text} onChange={set("text")} rows={10} placeholder="Paste the document's text to quote passages from it as evidence." />
          </div>
          {create.error && <p className="error-box" role="alert">{create.error.message}</p>}
          <div className="row">
            <button className="btn btn-primary" type="submit" disabled={create.isPending || [form.title, form.publisher, form.author].some((v) => tooLong(v, LIMITS.title))}>
              Add source
            </button>
            <button className="btn" type="button" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <QueryState query={q} what="sources">
        {(data) =>
          visible(data.items).length === 0 ? (
            <div className="empty">No sources yet. Add an article, report or statement — with its full text you can quote passages as evidence.</div>
          ) : (
            <div className="table-wrap">
              <table className="data" aria-label="Sources">
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Publisher</th>
                    <th scope="col">Author</th>
                    <th scope="col">Published</th>
                    <th scope="col">Text</th>
                  </tr>
                </thead>
                <tbody>
                  {visible(data.items).map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link href={`/scenarios/${scenarioId}/sources/${s.id}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ""}`} style={{ fontWeight: 600 }}>
                          {s.title}
                        </Link>
                        {s.url && (
                          <div className="small">
                            <a href={s.url} target="_blank" rel="noreferrer noopener">
                              {new URL(s.url).hostname}
                            </a>
                          </div>
                        )}
                      </td>
                      <td>{s.publisher ?? <span className="faint">—</span>}</td>
                      <td>{s.author ?? <span className="faint">—</span>}</td>
                      <td className="nowrap">{f.date(s.publishedAt)}</td>
                      <td className="small muted num">{s.textLength ? `${s.textLength.toLocaleString()} characters` : "no text"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
