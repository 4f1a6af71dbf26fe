"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { historyQuery } from "@/lib/client/queries";
import { EVENT_KINDS, EVENT_TYPES, isEventType } from "@/lib/audit/catalogue";
import { useFormat } from "@/lib/client/time";
import { QueryState } from "@/components/ui/query-state";

/** Every change, oldest or newest first, filtered by person, kind (an entity or one event type) and date. */
export function AuditLog({ scenarioId, people, asOf }: { scenarioId: string; people: { id: string; name: string }[]; asOf: string | null }) {
  const f = useFormat();
  const [actorId, setActorId] = useState("");
  const [kind, setKind] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [order, setOrder] = useState<"oldest" | "newest">("oldest");
  const filters = {
    order: order === "newest" ? "newest" : undefined,
    actorId: actorId || undefined,
    kind: kind || undefined,
    from: from ? f.fromInput(from) : undefined,
    to: to ? f.fromInput(`${to}T23:59:59`) : (asOf ?? undefined),
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
            {EVENT_KINDS.map((k) => (
              <optgroup key={k.entity} label={k.entity}>
                <option value={k.entity}>every {k.entity} change</option>
                {k.types.map((t) => (
                  <option key={t.type} value={t.type}>
                    {t.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="al-order">Order</label>
          <select id="al-order" value={order} onChange={(e) => setOrder(e.target.value as "oldest" | "newest")}>
            <option value="oldest">oldest first</option>
            <option value="newest">newest first</option>
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
                      <td className="nowrap small">{f.dateTime(e.at)}</td>
                      <td className="small">{e.actorName ?? "—"}</td>
                      <td>{e.summary}</td>
                      <td className="small faint">{isEventType(e.type) ? EVENT_TYPES[e.type].label : e.type}</td>
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
