"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { historyQuery } from "@/lib/client/queries";
import { describeEvent } from "@/lib/client/describe-event";
import { fmtDateTime } from "@/lib/client/format";
import { QueryState } from "@/components/ui/query-state";

const KINDS = ["scenario", "member", "question", "hypothesis", "outcome", "source", "evidence", "estimate"];

/** Every change, oldest first, filtered by person, kind and date. */
export function AuditLog({ scenarioId, people, asOf }: { scenarioId: string; people: { id: string; name: string }[]; asOf: string | null }) {
  const [actorId, setActorId] = useState("");
  const [kind, setKind] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const filters = {
    actorId: actorId || undefined,
    kind: kind || undefined,
    from: from ? new Date(from).toISOString() : undefined,
    to: to ? new Date(`${to}T23:59:59`).toISOString() : (asOf ?? undefined),
  };
  const q = useQuery(historyQuery(scenarioId, filters));
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <div className="toolbar" role="search" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="al-who">Person</label>
          <select id="al-who" value={actorId} onChange={(e) => setActorId(e.target.value)}>
            <option value="">anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="al-kind">Kind</label>
          <select id="al-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">everything</option>
            {KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="al-from">From</label>
          <input id="al-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="al-to">To</label>
          <input id="al-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <QueryState query={q} what="the audit log">
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">No changes match.</p>
          ) : (
            // Scrolls on its own: focusable so keyboard users can scroll it too.
            <div className="table-wrap" style={{ maxHeight: 480 }} tabIndex={0} role="region" aria-label="Audit log entries">
              <table className="data" aria-label="Audit log">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">What</th>
                    <th scope="col">Kind</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((e) => (
                    <tr key={e.id} data-testid="audit-row">
                      <td className="nowrap small">{fmtDateTime(e.at)}</td>
                      <td className="small">{e.actorName ?? "—"}</td>
                      <td>{describeEvent(e)}</td>
                      <td className="small faint">{e.type}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
