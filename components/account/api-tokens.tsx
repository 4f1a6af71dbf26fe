"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type ApiError } from "@/lib/client/api";
import { tokensQuery } from "@/lib/client/queries";
import type { CreatedToken } from "@/lib/tokens/service";
import { useFormat } from "@/lib/client/time";
import { QueryState } from "@/components/ui/query-state";

type Created = CreatedToken;

/** Make, list and revoke the API tokens scripts use as `Authorization: Bearer <token>`. */
export function ApiTokens() {
  const f = useFormat();
  const qc = useQueryClient();
  const tokens = useQuery(tokensQuery());
  const [name, setName] = useState("");
  const [days, setDays] = useState("90");
  const [created, setCreated] = useState<Created | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: tokensQuery().queryKey });
  const make = useMutation<Created, ApiError, void>({
    mutationFn: () => api<Created>("/api/v1/me/tokens", { method: "POST", body: { name, ...(days ? { expiresInDays: Number(days) } : {}) } }),
    onSuccess: (t) => {
      setCreated(t);
      setName("");
      void refresh();
    },
  });
  const revoke = useMutation<unknown, ApiError, string>({
    mutationFn: (id) => api(`/api/v1/me/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => void refresh(),
  });

  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted small">
        A script or notebook sends a token as <code>Authorization: Bearer &lt;token&gt;</code> and acts as you, with your roles in each scenario. The
        audit log records which token made each change. See the API reference at <a href="/api/docs">/api/docs</a>.
      </p>
      <form
        className="toolbar"
        aria-label="New API token"
        onSubmit={(e) => {
          e.preventDefault();
          make.mutate();
        }}
      >
        <div className="field grow">
          <label htmlFor="token-name">What it is for</label>
          <input id="token-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Evidence feed from the collector" required maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="token-days">Expires</label>
          <select id="token-days" value={days} onChange={(e) => setDays(e.target.value)}>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never (until revoked)</option>
          </select>
        </div>
        <button className="btn btn-primary" type="submit" disabled={make.isPending}>
          Make a token
        </button>
      </form>
      {make.error && (
        <div className="error-box" role="alert">
          {make.error.message}
        </div>
      )}
      {created && (
        <div className="notice" role="status" data-testid="new-token">
          <p style={{ marginBottom: 4 }}>
            <strong>{created.name}</strong>: copy the token now — it is shown only once.
          </p>
          <code className="token-secret" style={{ wordBreak: "break-all", userSelect: "all" }}>
            {created.token}
          </code>
          <div className="row" style={{ marginTop: 8 }}>
            <button className="btn btn-small" type="button" onClick={() => void navigator.clipboard?.writeText(created.token)}>
              Copy
            </button>
            <button className="btn btn-small" type="button" onClick={() => setCreated(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      <QueryState query={tokens} what="your tokens">
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">No tokens yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="data" aria-label="API tokens">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Made</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Last used</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((t) => (
                    <tr key={t.id} data-testid="token-row">
                      <td>{t.name}</td>
                      <td className="small nowrap">{f.date(t.createdAt)}</td>
                      <td className="small nowrap">{t.expiresAt ? f.date(t.expiresAt) : "never"}</td>
                      <td className="small nowrap">{t.lastUsedAt ? f.relative(t.lastUsedAt) : "never"}</td>
                      <td>
                        <button
                          className="btn btn-small btn-danger"
                          type="button"
                          disabled={revoke.isPending}
                          onClick={() => {
                            if (window.confirm(`Revoke “${t.name}”? Scripts using it stop working at once.`)) revoke.mutate(t.id);
                          }}
                        >
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
