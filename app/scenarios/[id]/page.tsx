import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { Overview } from "@/components/overview/overview";
import { requireViewer } from "@/lib/server/session";
import { asOfParam, loadOr404 } from "@/lib/server/load";
import { getScenario } from "@/lib/scenarios/service";
import { listEvents } from "@/lib/audit/service";
import { listIndicators } from "@/lib/indicators/service";
import { listAssumptions } from "@/lib/assumptions/service";
import { activityQuery, assumptionsQuery, indicatorsQuery, scenarioQuery } from "@/lib/client/queries";

export const metadata = { title: "Overview · Branchpoint" };

export default async function OverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ asOf?: string }>;
}) {
  const { id } = await params;
  const asOf = asOfParam((await searchParams).asOf);
  const viewer = await requireViewer(`/scenarios/${id}`);
  const at = asOf ? new Date(asOf) : undefined;
  const [scenario, activity, indicators, assumptions] = await loadOr404(() =>
    Promise.all([
      getScenario(viewer.store, viewer.actor, id, at),
      listEvents(viewer.store, viewer.actor, id, { newestFirst: true, limit: 25, to: at }),
      listIndicators(viewer.store, viewer.actor, id, { asOf: at }),
      listAssumptions(viewer.store, viewer.actor, id, { asOf: at }),
    ]),
  );
  const qc = new QueryClient();
  qc.setQueryData(scenarioQuery(id, asOf).queryKey, scenario);
  qc.setQueryData(activityQuery(id, asOf).queryKey, activity);
  qc.setQueryData(indicatorsQuery(id, asOf).queryKey, indicators);
  qc.setQueryData(assumptionsQuery(id, asOf).queryKey, assumptions);
  return (
    <main className="page">
      <HydrationBoundary state={dehydrate(qc)}>
        <Overview scenarioId={id} asOf={asOf} />
      </HydrationBoundary>
    </main>
  );
}
