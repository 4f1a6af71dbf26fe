"use client";
import type { ScenarioView } from "@/lib/client/types";
import { useScenarioMutation } from "./use-scenario-mutation";

/**
 * The scenario's independent-judgments setting: owners switch it; everyone else is told what
 * it means for them while it is on.
 */
export function IndependenceSetting({ scenario, editable }: { scenario: ScenarioView; editable: boolean }) {
  const save = useScenarioMutation<{ version: number; independentElicitation: boolean }>(`/api/v1/scenarios/${scenario.id}`, "PATCH");
  const on = scenario.independentElicitation;
  if (!editable)
    return on ? (
      <p className="muted small" style={{ margin: 0 }} data-testid="independence-note">
        Independent judgments: you see the team&apos;s figures on a question once you have estimated it.
      </p>
    ) : null;
  return (
    <div className="small">
      <label className="row" style={{ gap: 6 }}>
        <input
          type="checkbox"
          checked={on}
          disabled={save.isPending}
          onChange={(e) => save.mutate({ version: scenario.version, independentElicitation: e.target.checked })}
        />
        Independent judgments
      </label>
      <span className="hint">Analysts see nobody&apos;s figures on a question until they have estimated it.</span>
      {save.error && (
        <div className="field-error" role="alert">
          {save.error.message}
        </div>
      )}
    </div>
  );
}
