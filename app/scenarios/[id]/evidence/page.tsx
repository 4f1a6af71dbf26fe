import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { EvidenceLog } from "@/components/evidence/evidence-log";
import { requireViewer } from "@/lib/server/session";
import { asOfParam, loadOr404 } from "@/lib/server/load";
import { getScenarioHeader } from "@/lib/scenarios/service";
import { listEvidence, listEvidenceTags } from "@/lib/evidence/service";
import { listMembers } from "@/lib/members/service";
import { listSources } from "@/lib/sources/service";
import { EVIDENCE_PAGE, evidencePagesQuery, evidenceTagsQuery, membersQuery, sourcesQuery } from "@/lib/client/queries";

export const metadata = { title: "Evidence · Branchpoint" };

export default async function EvidencePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ asOf?: string; open?: string }> }) {
  const { id } = await params;
  const sp = await searchParams;
  const asOf = asOfParam(sp.asOf);
  const viewer = await requireViewer(`/scenarios/${id}/evidence`);
  const [scenario, evidence, tags, members, sources] = await loadOr404(() =>
    Promise.all([
      getScenarioHeader(viewer.store, viewer.actor, id),
      listEvidence(viewer.store, viewer.actor, id, { asOf: asOf ? new Date(asOf) : undefined, limit: EVIDENCE_PAGE }),
      listEvidenceTags(viewer.store, viewer.actor, id),
      listMembers(viewer.store, viewer.actor, id),
      listSources(viewer.store, viewer.actor, id),
    ]),
  );
  const qc = new QueryClient();
  // the log's first page, as its infinite query holds it
  qc.setQueryData(evidencePagesQuery(id, asOf, {}).queryKey, { pages: [evidence], pageParams: [null] });
  qc.setQueryData(evidenceTagsQuery(id).queryKey, { items: tags });
  qc.setQueryData(membersQuery(id).queryKey, { items: members });
  qc.setQueryData(sourcesQuery(id).queryKey, { items: sources });
  return (
    <main className="page">
      <HydrationBoundary state={dehydrate(qc)}>
        <EvidenceLog scenarioId={id} asOf={asOf} canEdit={!asOf && scenario.role !== "viewer"} initialOpen={sp.open ?? null} />
      </HydrationBoundary>
    </main>
  );
}
