import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { WatchList } from "@/components/tradecraft/watch-list";
import { requireViewer } from "@/lib/server/session";
import { asOfParam, loadOr404 } from "@/lib/server/load";
import { getScenario } from "@/lib/scenarios/service";
import { listIndicators } from "@/lib/indicators/service";
import { listEvidence } from "@/lib/evidence/service";
import { evidenceQuery, indicatorsQuery, scenarioQuery, WATCH_EVIDENCE } from "@/lib/client/queries";

export const metadata = { title: "Watch list · Branchpoint" };

export default async function WatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ asOf?: string }> }) {
  const { id } = await params;
  const asOf = asOfParam((await searchParams).asOf);
  const at = asOf ? new Date(asOf) : undefined;
  const viewer = await requireViewer(`/scenarios/${id}/watch`);
  const [scenario, indicators, evidence] = await loadOr404(() =>
    Promise.all([
      getScenario(viewer.store, viewer.actor, id, at),
      listIndicators(viewer.store, viewer.actor, id, { asOf: at }),
      listEvidence(viewer.store, viewer.actor, id, { asOf: at, includeRetracted: WATCH_EVIDENCE.includeRetracted, limit: 1000 }),
    ]),
  );
  const qc = new QueryClient();
  qc.setQueryData(scenarioQuery(id, asOf).queryKey, scenario);
  qc.setQueryData(indicatorsQuery(id, asOf).queryKey, indicators);
  qc.setQueryData(evidenceQuery(id, asOf, WATCH_EVIDENCE).queryKey, evidence);
  return (
    <main className="page">
      <HydrationBoundary state={dehydrate(qc)}>
        <WatchList scenarioId={id} asOf={asOf} canEdit={!asOf && scenario.role !== "viewer"} />
      </HydrationBoundary>
    </main>
  );
}
