"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type ApiError } from "@/lib/client/api";
import { invitesQuery } from "@/lib/client/queries";
import { useFormat } from "@/lib/client/time";
import type { CreatedInvite } from "@/lib/client/types";
import { QueryState } from "@/components/ui/query-state";

const ROLES = ["editor", "viewer", "owner"] as const;

/** Owners invite people by a single-use link (shown once, to copy), and see and revoke open ones. */
export function InviteForm({ scenarioId }: { scenarioId: string }) {
  const f = useFormat();
  const qc = useQueryClient();
  const [role, setRole] = useState<(typeof ROLES)[number]>("editor");
  const [days, setDays] = useState(7);
  const [made, setMade] = useState<CreatedInvite | null>(null);
  const [copied, setCopied] = useState(false);
  const open = useQuery(invitesQuery(scenarioId));
  const refresh = () => qc.invalidateQueries({ queryKey: invitesQuery(scenarioId).queryKey });
  const create = useMutation<CreatedInvite, ApiError, void>({
    mutationFn: () => api<CreatedInvite>(`/api/v1/scenarios/${scenarioId}/invites`, { method: "POST", body: { role, expiresInDays: days } }),
    onSuccess: (invite) => {
      setMade(invite);
      setCopied(false);
      void refresh();
    },
  });
  const revoke = useMutation<unknown, ApiError, string>({
    mutationFn: (id) => api(`/api/v1/invites/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });

  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <p className="small muted">
        Make a link and send it to them. Whoever opens it while signed in joins with the role you chose; it works once, until it
        expires. People are never added by email: an address says nothing about who holds it.
      </p>
      <form
        className="row-wrap"
        aria-label="Make an invitation link"
        style={{ alignItems: "flex-end" }}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <div className="field" style={{ margin: 0 }}>
          <label htmlFor="inv-role">Role</label>
          <select id="inv-role" value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        <div className="field" style={{ margin: 0 }}>
          <label htmlFor="inv-days">Valid for (days)</label>
          <input id="inv-days" type="number" min={1} max={30} step={1} value={days} onChange={(e) => setDays(Number(e.target.value))} style={{ width: 90 }} />
        </div>
        <button className="btn btn-primary" type="submit" disabled={create.isPending}>
          Make link
        </button>
      </form>
      {create.error && <p className="error-box" role="alert">{create.error.message}</p>}
      {made && (
        <div className="notice" style={{ marginTop: 12 }} role="status">
          <label htmlFor="inv-url" className="label">
            Link for a new {made.role} (valid until {f.dateTime(made.expiresAt)}) — shown only now
          </label>
          <div className="row-wrap">
            <input id="inv-url" type="text" readOnly value={made.url} className="grow" onFocus={(e) => e.currentTarget.select()} />
            <button
              className="btn"
              type="button"
              onClick={async () => {
                await navigator.clipboard.writeText(made.url).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy link"}
            </button>
          </div>
        </div>
      )}
      <QueryState query={open} what="open invitations">
        {(data) =>
          data.items.length === 0 ? null : (
            <div className="table-scroll" style={{ marginTop: 12 }}>
              <table className="data small" aria-label="Open invitations">
                <thead>
                  <tr>
                    <th scope="col">Role</th>
                    <th scope="col">Made by</th>
                    <th scope="col">Valid until</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((i) => (
                    <tr key={i.id}>
                      <td>{i.role}</td>
                      <td>{i.createdByName ?? "—"}</td>
                      <td className="nowrap">{f.dateTime(i.expiresAt)}</td>
                      <td>
                        <button className="btn btn-small btn-danger" onClick={() => revoke.mutate(i.id)} disabled={revoke.isPending}>
                          Revoke
                        </button>
                      </td>
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
