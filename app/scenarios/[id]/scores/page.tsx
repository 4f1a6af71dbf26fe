import { ScoresView } from "@/components/scores/scores-view";
import { requireViewer } from "@/lib/server/session";
import { loadOr404 } from "@/lib/server/load";
import { getScenario } from "@/lib/scenarios/service";
import { listPeople } from "@/lib/members/service";

export const metadata = { title: "Scores · Branchpoint" };

export default async function ScoresPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/scenarios/${id}/scores`);
  const [scenario, people] = await loadOr404(() => Promise.all([getScenario(viewer.store, viewer.actor, id), listPeople(viewer.store, viewer.actor, id)]));
  return (
    <main className="page">
      <ScoresView
        scenario={scenario}
        people={people}
        viewerId={viewer.actor.id}
        canEdit={scenario.role !== "viewer"}
      />
    </main>
  );
}
