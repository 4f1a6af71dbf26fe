import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { SourceReader } from "@/components/sources/source-reader";
import { requireViewer } from "@/lib/server/session";
import { asOfParam, loadOr404 } from "@/lib/server/load";
import { getScenarioHeader } from "@/lib/scenarios/service";
import { getSource } from "@/lib/sources/service";
import { listEvidence } from "@/lib/evidence/service";
import { evidenceQuery, sourceQuery } from "@/lib/client/queries";

export default async function SourceReaderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; sourceId: string }>;
  searchParams: Promise<{ asOf?: string }>;
}) {
  const { id, sourceId } = await params;
  const asOf = asOfParam((await searchParams).asOf);
  const viewer = await requireViewer(`/scenarios/${id}/sources/${sourceId}`);
  const [scenario, source, evidence] = await loadOr404(() =>
    Promise.all([
      getScenarioHeader(viewer.store, viewer.actor, id),
      getSource(viewer.store, viewer.actor, sourceId),
      listEvidence(viewer.store, viewer.actor, id, { asOf: asOf ? new Date(asOf) : undefined, sourceId, limit: 1000 }),
    ]),
  );
  const qc = new QueryClient();
  qc.setQueryData(sourceQuery(sourceId).queryKey, source);
  qc.setQueryData(evidenceQuery(id, asOf, { sourceId }).queryKey, evidence);
  return (
    <main className="page">
      <HydrationBoundary state={dehydrate(qc)}>
        <SourceReader scenarioId={id} sourceId={sourceId} asOf={asOf} canEdit={!asOf && scenario.role !== "viewer" && source.scenarioId === id} />
      </HydrationBoundary>
    </main>
  );
}
