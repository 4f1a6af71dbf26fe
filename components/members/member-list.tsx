"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { membersQuery } from "@/lib/client/queries";
import { api, type ApiError } from "@/lib/client/api";
import { useFormat } from "@/lib/client/time";
import { QueryState } from "@/components/ui/query-state";
import { InviteForm } from "./invite-form";

const ROLES = ["owner", "editor", "viewer"] as const;
const ROLE_HELP = { owner: "read, write and manage members", editor: "read and write", viewer: "only read" };

/** Who can see and change this scenario. Only owners change it. */
export function MemberList({ scenarioId, isOwner, viewerId }: { scenarioId: string; isOwner: boolean; viewerId: string }) {
  const f = useFormat();
  const q = useQuery(membersQuery(scenarioId));
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: membersQuery(scenarioId).queryKey });
  const change = useMutation<unknown, ApiError, { userId: string; role?: string; remove?: boolean }>({
    mutationFn: ({ userId, role, remove }) =>
      api(`/api/v1/scenarios/${scenarioId}/members/${userId}`, remove ? { method: "DELETE" } : { method: "PATCH", body: { role } }),
    onSuccess: refresh,
  });

  return (
    <div className="stack">
      <h1>Members</h1>
      <p className="muted">Owners {ROLE_HELP.owner}; editors {ROLE_HELP.editor}; viewers {ROLE_HELP.viewer}. Demo analysts appear here but cannot sign in.</p>
      {isOwner && <InviteForm scenarioId={scenarioId} />}
      {change.error && <p className="error-box" role="alert">{change.error.message}</p>}
      <QueryState query={q} what="members">
        {(data) => (
          <div className="table-wrap">
            <table className="data" aria-label="Members">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Since</th>
                  {isOwner && <th scope="col"><span className="visually-hidden">Actions</span></th>}
                </tr>
              </thead>
              <tbody>
                {data.items.map((m) => (
                  <tr key={m.userId}>
                    <td>
                      {m.name}
                      {m.userId === viewerId && <span className="faint"> (you)</span>}
                    </td>
                    <td className="small">{m.email}</td>
                    <td>
                      {isOwner ? (
                        <select aria-label={`Role of ${m.name}`} value={m.role} onChange={(e) => change.mutate({ userId: m.userId, role: e.target.value })}>
                          {ROLES.map((r) => (
                            <option key={r}>{r}</option>
                          ))}
                        </select>
                      ) : (
                        m.role
                      )}
                    </td>
                    <td className="small nowrap">{f.date(m.since)}</td>
                    {isOwner && (
                      <td>
                        <button className="btn btn-small btn-danger" onClick={() => change.mutate({ userId: m.userId, remove: true })} aria-label={`Remove ${m.name}`}>
                          Remove
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </div>
  );
}
