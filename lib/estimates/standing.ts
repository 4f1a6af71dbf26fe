// Each analyst's standing estimate on a question — their latest at or before a time.
// One index seek per analyst on (question_id, analyst_id, created_at), never a scan.
import "server-only";
import { and, desc, eq, lte, sql } from "drizzle-orm";
import type { Db, Store } from "@/db/client";
import { preparedPerStore } from "@/db/prepared";

export type EstimateRow = typeof import("@/db/schema/sqlite").estimates.$inferSelect;

function prepare(db: Db, s: Store["schema"]) {
  return {
    forecasters: db
      .select({ analystId: s.forecasters.analystId, firstAt: s.forecasters.firstAt })
      .from(s.forecasters)
      .where(eq(s.forecasters.questionId, sql.placeholder("questionId")))
      .prepare(),
    latest: db
      .select()
      .from(s.estimates)
      .where(
        and(
          eq(s.estimates.questionId, sql.placeholder("questionId")),
          eq(s.estimates.analystId, sql.placeholder("analystId")),
          lte(s.estimates.createdAt, sql.placeholder("at")),
        ),
      )
      .orderBy(desc(s.estimates.createdAt), desc(s.estimates.id))
      .limit(1)
      .prepare(),
  };
}
const queries = preparedPerStore(prepare);

// Far beyond any real timestamp, so "now" needs no clock read inside a query.
const END_OF_TIME = 8.64e15;

export async function standingEstimates(store: Store, questionId: string, asOf?: Date): Promise<EstimateRow[]> {
  const q = queries(store);
  const at = asOf ? asOf.getTime() : END_OF_TIME;
  const forecasters = await q.forecasters.execute({ questionId });
  const out: EstimateRow[] = [];
  for (const f of forecasters) {
    if (f.firstAt.getTime() > at) continue;
    const row = (await q.latest.execute({ questionId, analystId: f.analystId, at }))[0];
    if (row) out.push(row);
  }
  return out;
}
