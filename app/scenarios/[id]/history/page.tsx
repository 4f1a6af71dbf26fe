import { HistoryView } from "@/components/history/history-view";
import { requireViewer } from "@/lib/server/session";
import { asOfParam, loadOr404 } from "@/lib/server/load";
import { getScenario } from "@/lib/scenarios/service";
import { listPeople } from "@/lib/members/service";

export const metadata = { title: "History · Branchpoint" };

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ asOf?: string }> }) {
  const { id } = await params;
  const asOf = asOfParam((await searchParams).asOf);
  const viewer = await requireViewer(`/scenarios/${id}/history`);
  const [scenario, people] = await loadOr404(() =>
    Promise.all([getScenario(viewer.store, viewer.actor, id, asOf ? new Date(asOf) : undefined), listPeople(viewer.store, viewer.actor, id)]),
  );
  return (
    <main className="page">
      <HistoryView scenario={scenario} people={people} asOf={asOf} />
    </main>
  );
}
