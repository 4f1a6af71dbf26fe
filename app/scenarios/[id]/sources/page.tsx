import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { SourceList } from "@/components/sources/source-list";
import { requireViewer } from "@/lib/server/session";
import { asOfParam, loadOr404 } from "@/lib/server/load";
import { getScenarioHeader } from "@/lib/scenarios/service";
import { listSources } from "@/lib/sources/service";
import { sourcesQuery } from "@/lib/client/queries";

export const metadata = { title: "Sources · Branchpoint" };

export default async function SourcesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ asOf?: string }> }) {
  const { id } = await params;
  const asOf = asOfParam((await searchParams).asOf);
  const viewer = await requireViewer(`/scenarios/${id}/sources`);
  const [scenario, sources] = await loadOr404(() => Promise.all([getScenarioHeader(viewer.store, viewer.actor, id), listSources(viewer.store, viewer.actor, id)]));
  const qc = new QueryClient();
  qc.setQueryData(sourcesQuery(id).queryKey, { items: sources });
  return (
    <main className="page">
      <HydrationBoundary state={dehydrate(qc)}>
        <SourceList scenarioId={id} asOf={asOf} canEdit={!asOf && scenario.role !== "viewer"} />
      </HydrationBoundary>
    </main>
  );
}
