import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { MatrixView } from "@/components/matrix/matrix-view";
import { MATRIX_PAGE, matrixKey, matrixServerSort } from "@/lib/client/queries";
import { requireViewer } from "@/lib/server/session";
import { asOfParam, loadOr404 } from "@/lib/server/load";
import { getScenarioHeader } from "@/lib/scenarios/service";
import { listQuestionTitles } from "@/lib/questions/service";
import { getMatrix } from "@/lib/analysis/matrix";

export const metadata = { title: "Matrix · Branchpoint" };

export default async function MatrixPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ asOf?: string; q?: string }> }) {
  const { id } = await params;
  const sp = await searchParams;
  const asOf = asOfParam(sp.asOf);
  const at = asOf ? new Date(asOf) : undefined;
  const viewer = await requireViewer(`/scenarios/${id}/matrix`);
  const [scenario, titles] = await loadOr404(() => Promise.all([getScenarioHeader(viewer.store, viewer.actor, id), listQuestionTitles(viewer.store, viewer.actor, id, at)]));
  const questions = titles.map((q, i) => ({ id: q.id, label: `Q${i + 1} ${q.title}` }));
  const initial = questions.some((q) => q.id === sp.q) ? sp.q! : (questions[0]?.id ?? null);
  const canEdit = !asOf && scenario.role !== "viewer";
  // the first view renders on the server: the first page of the chosen question's matrix, in
  // the order the view opens on (an analyst's own diagnosticity, a viewer's team's), comes with the page
  const qc = new QueryClient();
  if (initial) {
    const sort = matrixServerSort("diagnosticity", canEdit ? "mine" : "team");
    const page = await loadOr404(() => getMatrix(viewer.store, viewer.actor, id, { questionId: initial, asOf: at, sort, limit: MATRIX_PAGE }));
    qc.setQueryData(matrixKey(id, initial, asOf, sort), { pages: [page], pageParams: [null] });
  }
  return (
    <main className="page">
      <HydrationBoundary state={dehydrate(qc)}>
        <MatrixView scenarioId={id} asOf={asOf} questions={questions} initialQuestion={initial} canEdit={canEdit} />
      </HydrationBoundary>
    </main>
  );
}
