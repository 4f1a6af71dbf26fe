import { Suspense } from "react";
import { AppHeader } from "@/components/frame/app-header";
import { ScenarioTabs } from "@/components/frame/scenario-tabs";
import { AsOfBanner, AsOfControl } from "@/components/frame/as-of";
import { ExportButton } from "@/components/frame/export-button";
import { requireViewer } from "@/lib/server/session";
import { loadOr404 } from "@/lib/server/load";
import { getScenarioHeader } from "@/lib/scenarios/service";

/** The frame of every scenario page: breadcrumbs, as-of control, tabs, read-only banner. */
export default async function ScenarioLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/scenarios/${id}`);
  const scenario = await loadOr404(() => getScenarioHeader(viewer.store, viewer.actor, id));
  return (
    <>
      <header className="app-header">
        <AppHeader
          userName={viewer.user.name}
          crumbs={[{ href: "/scenarios", label: "Scenarios" }, { label: scenario.title }]}
          right={
            <Suspense>
              <AsOfControl />
              <ExportButton scenarioId={id} />
            </Suspense>
          }
        />
        <Suspense>
          <ScenarioTabs scenarioId={id} />
        </Suspense>
      </header>
      <Suspense>
        <AsOfBanner />
      </Suspense>
      {children}
    </>
  );
}
