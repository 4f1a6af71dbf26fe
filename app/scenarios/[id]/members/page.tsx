import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { MemberList } from "@/components/members/member-list";
import { requireViewer } from "@/lib/server/session";
import { loadOr404 } from "@/lib/server/load";
import { getScenarioHeader } from "@/lib/scenarios/service";
import { listMembers } from "@/lib/members/service";
import { membersQuery } from "@/lib/client/queries";

export const metadata = { title: "Members · Branchpoint" };

export default async function MembersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/scenarios/${id}/members`);
  const [scenario, members] = await loadOr404(() => Promise.all([getScenarioHeader(viewer.store, viewer.actor, id), listMembers(viewer.store, viewer.actor, id)]));
  const qc = new QueryClient();
  qc.setQueryData(membersQuery(id).queryKey, { items: members });
  return (
    <main className="page narrow">
      <HydrationBoundary state={dehydrate(qc)}>
        <MemberList scenarioId={id} isOwner={scenario.role === "owner"} viewerId={viewer.actor.id} />
      </HydrationBoundary>
    </main>
  );
}
