// Sources: the documents evidence is drawn from. Their text is never edited after
// creation, so an excerpt checked against it once stays verbatim.
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { newId } from "@/lib/ids";
import { notFound } from "@/lib/errors";
import { requireEntityRole, requireRole, type Actor } from "@/lib/access/service";
import { writeScenario } from "@/lib/service/write";
import type { CreateSourceInput } from "./schema";

export interface Source {
  id: string;
  scenarioId: string;
  title: string;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  text: string | null;
  createdAt: string;
  createdBy: string | null;
}

/** A source in a list: the full text (up to a megabyte) is left out, its length given instead. */
export type SourceSummary = Omit<Source, "text"> & { textLength: number | null };

type SourceRow = Row<"sources">;

export const toSource = (r: SourceRow): Source => ({
  id: r.id,
  scenarioId: r.scenarioId,
  title: r.title,
  publisher: r.publisher,
  author: r.author,
  publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
  url: r.url,
  text: r.text,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
});

/** The scenario's sources, newest first, without their text. */
export async function listSources(store: Store, actor: Actor | null, scenarioId: string): Promise<SourceSummary[]> {
  await requireRole(store, actor, scenarioId, "viewer");
  const s = store.schema.sources;
  const rows = await store.db
    .select({
      id: s.id,
      scenarioId: s.scenarioId,
      title: s.title,
      publisher: s.publisher,
      author: s.author,
      publishedAt: s.publishedAt,
      url: s.url,
      createdAt: s.createdAt,
      createdBy: s.createdBy,
      // counted in the database so the texts themselves are never loaded for a list
      textLength: sql<number | null>`length(${s.text})`.mapWith(Number),
    })
    .from(s)
    .where(eq(s.scenarioId, scenarioId))
    .orderBy(desc(s.createdAt), desc(s.id));
  return rows.map((r) => ({
    ...r,
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
    textLength: r.textLength ?? null,
  }));
}

export async function createSource(
  store: Store,
  actor: Actor | null,
  scenarioId: string,
  input: CreateSourceInput,
): Promise<Source> {
  const s = store.schema;
  const row = await writeScenario(store, actor, { scenarioId }, "editor", async (w) => {
    const id = newId();
    const created = (
      await w.tx
        .insert(s.sources)
        .values({
          id,
          scenarioId,
          title: input.title,
          publisher: input.publisher ?? null,
          author: input.author ?? null,
          publishedAt: input.publishedAt ?? null,
          url: input.url ?? null,
          text: input.text ?? null,
          createdBy: w.actor.id,
          createdAt: w.now,
        })
        .returning()
    )[0]!;
    await w.record({
      type: "source.created",
      entityId: id,
      // the text itself stays in the sources row; the log records only its size
      after: {
        title: created.title,
        publisher: created.publisher,
        author: created.author,
        publishedAt: created.publishedAt?.toISOString() ?? null,
        url: created.url,
        textLength: created.text?.length ?? null,
      },
    });
    return created;
  });
  return toSource(row);
}

/** One source row of a scenario, or null (unknown id, or it belongs to another scenario). */
export async function sourceInScenario(store: Store, scenarioId: string, sourceId: string): Promise<SourceRow | null> {
  const s = store.schema.sources;
  const rows = await store.db
    .select()
    .from(s)
    .where(and(eq(s.id, sourceId), eq(s.scenarioId, scenarioId)))
    .limit(1);
  return rows[0] ?? null;
}

/** One source with its full text. */
export async function getSource(store: Store, actor: Actor | null, sourceId: string): Promise<Source> {
  const { scenarioId } = await requireEntityRole(store, actor, "source", sourceId, "viewer");
  const row = await sourceInScenario(store, scenarioId, sourceId);
  if (!row) throw notFound("Source");
  return toSource(row);
}
