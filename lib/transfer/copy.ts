// Moving a whole instance to another database (npm run db:copy): db/copy.ts copies the rows;
// this checks the result as a user would — the same number of rows in every table, and every
// scenario's export document identical before and after.
import "server-only";
import { isDeepStrictEqual } from "node:util";
import { COPY_ORDER, copyDatabase, rowCountsOf, type TableName } from "@/db/copy";
import type { Store } from "@/db/store";
import { scenarioDocument } from "./export";

export interface CopyReport {
  counts: Record<TableName, number>;
  scenarios: number;
  /** One line per mismatch; empty when the copy is exact. */
  problems: string[];
}

async function documents(store: Store): Promise<Map<string, unknown>> {
  const ids = (await store.db.select({ id: store.schema.scenarios.id }).from(store.schema.scenarios)).map((r) => r.id);
  const out = new Map<string, unknown>();
  for (const id of ids) {
    // the export time is the one thing that differs between two exports of the same data
    out.set(id, { ...(await scenarioDocument(store, id)), exportedAt: null });
  }
  return out;
}

export async function copyAndVerify(source: Store, target: Store, log: (line: string) => void = () => undefined): Promise<CopyReport> {
  const docsBefore = await documents(source);
  const copied = await copyDatabase(source, target, log);
  const [before, after] = [await rowCountsOf(source), await rowCountsOf(target)];
  const problems = COPY_ORDER.filter((name) => before[name] !== after[name] || copied[name] !== before[name]).map(
    (name) => `${name}: ${before[name]} rows in the source, ${copied[name]} copied, ${after[name]} in the target`,
  );
  const docsAfter = await documents(target);
  for (const [id, doc] of docsBefore) {
    if (!docsAfter.has(id)) problems.push(`scenario ${id}: missing after the copy`);
    else if (!isDeepStrictEqual(doc, docsAfter.get(id))) problems.push(`scenario ${id}: its export differs after the copy`);
  }
  return { counts: after, scenarios: docsAfter.size, problems };
}
