import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { HistoryView } from "@/components/history/history-view";
import { requireViewer } from "@/lib/server/session";
import { asOfParam, loadOr404 } from "@/lib/server/load";
import { getScenario } from "@/lib/scenarios/service";
import { listPeople } from "@/lib/members/service";
import { getQuestionSeries } from "@/lib/analysis/question-series";
import { listEvents } from "@/lib/audit/service";
import { historyQuery, seriesKey } from "@/lib/client/queries";

export const metadata = { title: "History · Branchpoint" };

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ asOf?: string }> }) {
  const { id } = await params;
  const asOf = asOfParam((await searchParams).asOf);
  const at = asOf ? new Date(asOf) : undefined;
  const viewer = await requireViewer(`/scenarios/${id}/history`);
  const [scenario, people, log] = await loadOr404(() =>
    Promise.all([getScenario(viewer.store, viewer.actor, id, at), listPeople(viewer.store, viewer.actor, id), listEvents(viewer.store, viewer.actor, id, { to: at })]),
  );
  // the first view renders on the server: the first question's series and the log's first page
  const qc = new QueryClient();
  const first = scenario.questions[0];
  if (first) qc.setQueryData(seriesKey(first.id, "geometric", asOf), await loadOr404(() => getQuestionSeries(viewer.store, viewer.actor, first.id, { method: "geometric", asOf: at })));
  qc.setQueryData(historyQuery(id, { to: asOf ?? undefined }).queryKey, log);
  return (
    <main className="page">
      <HydrationBoundary state={dehydrate(qc)}>
        <HistoryView scenario={scenario} people={people} asOf={asOf} />
      </HydrationBoundary>
    </main>
  );
}
