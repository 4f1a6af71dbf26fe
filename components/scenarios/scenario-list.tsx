"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { scenariosQuery } from "@/lib/client/queries";
import { fmtRelative } from "@/lib/client/format";
import { QueryState } from "@/components/ui/query-state";
import { useScenarioMutation } from "@/components/overview/use-scenario-mutation";
import { ImportScenario } from "./import-scenario";

export function ScenarioList({ welcome, userName }: { welcome: boolean; userName: string }) {
  const q = useQuery(scenariosQuery());
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const create = useScenarioMutation<{ title: string; summary: string }, { id: string }>("/api/v1/scenarios", "POST");
  const demo = q.data?.items.find((s) => s.isDemo);

  return (
    <div className="stack">
      {welcome && (
        <section className="card" aria-labelledby="welcome-heading" style={{ borderColor: "var(--accent)" }}>
          <h1 id="welcome-heading">Welcome to Branchpoint, {userName}</h1>
          {demo ? (
            <>
              <p>
                Start with the demo: the ISIS-K attack on the Russian Embassy in Kabul. It has four questions — one of them
                conditional — evidence quoted from two articles, and two analysts&apos; estimates over time. Open it, look at
                the matrix, update your own confidence, then go back in time with <em>As of</em>.
              </p>
              <Link className="btn btn-primary" href={`/scenarios/${demo.id}`}>
                Open the demo scenario
              </Link>
            </>
          ) : (
            // The demo belongs to the first account on an instance; later accounts start from their own work.
            <p>
              Create your first scenario with <em>New scenario</em>, import a Branchpoint export, or ask a colleague who owns
              a scenario to add you as a member.
            </p>
          )}
        </section>
      )}
      <div className="spread">
        <h1 style={{ margin: 0 }}>Scenarios</h1>
        <div className="row">
          <ImportScenario />
          <button className="btn btn-primary" onClick={() => setCreating(true)}>
            New scenario
          </button>
        </div>
      </div>
      {creating && (
        <form
          className="card"
          aria-label="New scenario"
          onSubmit={async (e) => {
            e.preventDefault();
            const s = await create.mutateAsync({ title, summary });
            router.push(`/scenarios/${s.id}`);
          }}
        >
          <div className="field">
            <label htmlFor="s-title">Title</label>
            <input id="s-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} placeholder="The case under analysis" />
          </div>
          <div className="field">
            <label htmlFor="s-summary">Summary</label>
            <textarea id="s-summary" value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={5000} />
          </div>
          {create.error && <p className="error-box" role="alert">{create.error.message}</p>}
          <div className="row">
            <button className="btn btn-primary" type="submit" disabled={create.isPending}>
              Create scenario
            </button>
            <button className="btn" type="button" onClick={() => setCreating(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <QueryState query={q} what="your scenarios">
        {(data) =>
          data.items.length === 0 ? (
            <div className="empty">You are not a member of any scenario yet. Create one, import an export, or ask an owner to add you.</div>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Scenario</th>
                    <th scope="col">Your role</th>
                    <th scope="col">Last activity</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link href={`/scenarios/${s.id}`} style={{ fontWeight: 600 }}>
                          {s.title}
                        </Link>
                        {s.isDemo && <span className="tag" style={{ marginLeft: 6 }}>demo</span>}
                        {s.summary && <div className="small muted" style={{ maxWidth: 720 }}>{s.summary.length > 200 ? `${s.summary.slice(0, 200)}…` : s.summary}</div>}
                      </td>
                      <td>{s.role}</td>
                      <td className="nowrap small">{fmtRelative(s.lastActivityAt)}</td>
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
