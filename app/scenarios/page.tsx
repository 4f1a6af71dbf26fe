import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { AppHeader } from "@/components/frame/app-header";
import { ScenarioList } from "@/components/scenarios/scenario-list";
import { requireViewer } from "@/lib/server/session";
import { listScenarios } from "@/lib/scenarios/service";
import { scenariosQuery } from "@/lib/client/queries";

export const metadata = { title: "Scenarios · Branchpoint" };

export default async function ScenariosPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const viewer = await requireViewer("/scenarios");
  const welcome = (await searchParams).welcome === "1";
  const qc = new QueryClient();
  qc.setQueryData(scenariosQuery().queryKey, { items: await listScenarios(viewer.store, viewer.actor) });
  return (
    <>
      <header className="app-header">
        <AppHeader userName={viewer.user.name} crumbs={[{ label: "Scenarios" }]} />
      </header>
      <main className="page">
        <HydrationBoundary state={dehydrate(qc)}>
          <ScenarioList welcome={welcome} userName={viewer.user.name} />
        </HydrationBoundary>
      </main>
    </>
  );
}
