import { MatrixView } from "@/components/matrix/matrix-view";
import { requireViewer } from "@/lib/server/session";
import { asOfParam, loadOr404 } from "@/lib/server/load";
import { getScenario } from "@/lib/scenarios/service";

export const metadata = { title: "Matrix · Branchpoint" };

export default async function MatrixPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ asOf?: string; q?: string }> }) {
  const { id } = await params;
  const sp = await searchParams;
  const asOf = asOfParam(sp.asOf);
  const viewer = await requireViewer(`/scenarios/${id}/matrix`);
  const scenario = await loadOr404(() => getScenario(viewer.store, viewer.actor, id, asOf ? new Date(asOf) : undefined));
  const questions = scenario.questions.map((q, i) => ({ id: q.id, label: `Q${i + 1} ${q.title}` }));
  return (
    <main className="page">
      <MatrixView scenarioId={id} asOf={asOf} questions={questions} initialQuestion={sp.q ?? questions[0]?.id ?? null} canEdit={!asOf && scenario.role !== "viewer"} />
    </main>
  );
}
