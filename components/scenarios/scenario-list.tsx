"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { scenariosQuery } from "@/lib/client/queries";
import { useFormat } from "@/lib/client/time";
import { QueryState } from "@/components/ui/query-state";
import { useScenarioMutation } from "@/components/overview/use-scenario-mutation";
import { ImportScenario } from "./import-scenario";
import { LIMITS } from "@/lib/validation/limits";
import { CharCounter, tooLong } from "@/components/ui/char-counter";

export function ScenarioList({ welcome, userName }: { welcome: boolean; userName: string }) {
  const f = useFormat();
  const q = useQuery(scenariosQuery());
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const create = useScenarioMutation<{ title: string; summary: string }, { id: string }>("/api/v1/scenarios", "POST");
  const copyDemo = useScenarioMutation<Record<string, never>, { id: string }>("/api/v1/scenarios/demo", "POST");
  const empty = q.data?.items.length === 0;
  const openDemoCopy = () => copyDemo.mutate({}, { onSuccess: (s) => router.push(`/scenarios/${s.id}`) });
  const demoButton = (
    <button className="btn btn-primary" onClick={openDemoCopy} disabled={copyDemo.isPending}>
      {copyDemo.isPending ? "Copying the demo…" : "Open a copy of the demo"}
    </button>
  );

  return (
    <div className="stack">
      {(welcome || empty) && (
        <section className="card" aria-labelledby="welcome-heading" style={{ borderColor: "var(--accent)" }}>
          <h1 id="welcome-heading">{welcome ? `Welcome to Branchpoint, ${userName}` : "Try the demo"}</h1>
          <p>
            Start with the demo: the ISIS-K attack on the Russian Embassy in Kabul. It has four questions — one of them conditional
            — evidence quoted from two articles, and two analysts&apos; estimates over time. You get a private copy to explore: look
            at the matrix, update your own confidence, then go back in time with <em>As of</em>.
          </p>
          <div className="row-wrap">
            {demoButton}
            <span className="small muted">or create your own scenario, import an export, or ask a colleague who owns a scenario to add you.</span>
          </div>
          {copyDemo.error && <p className="error-box" role="alert">{copyDemo.error.message}</p>}
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
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ title, summary }, { onSuccess: (s) => router.push(`/scenarios/${s.id}`) });
          }}
        >
          <div className="field">
            <label htmlFor="s-title">Title</label>
            <input id="s-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} required aria-invalid={tooLong(title, LIMITS.title)} placeholder="The case under analysis" />
            <CharCounter value={title} max={LIMITS.title} />
          </div>
          <div className="field">
            <label htmlFor="s-summary">Summary</label>
            <textarea id="s-summary" value={summary} onChange={(e) => setSummary(e.target.value)} aria-invalid={tooLong(summary, LIMITS.summary, false)} />
            <CharCounter value={summary} max={LIMITS.summary} trim={false} />
          </div>
          {create.error && <p className="error-box" role="alert">{create.error.message}</p>}
          <div className="row">
            <button className="btn btn-primary" type="submit" disabled={create.isPending || tooLong(title, LIMITS.title) || tooLong(summary, LIMITS.summary, false)}>
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
            <div className="empty">You are not a member of any scenario yet.</div>
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
                      <td className="nowrap small">{f.relative(s.lastActivityAt)}</td>
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
