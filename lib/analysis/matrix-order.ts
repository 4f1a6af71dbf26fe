// The order of a matrix's evidence rows and its pages. The whole grid is computed for every
// read (the scores rest on all rows), so a page is a slice of the sorted rows — but its cursor
// is a keyset, (sort value, logged, id) of the last row served, not an offset: a row whose
// figures change between two pages moves, the rows around it do not shift.
import { DomainError } from "@/lib/errors";
import type { Page } from "@/lib/paging";
import type { MatrixSort } from "./schema";

export interface OrderedRow {
  id: string;
  createdAt: string;
  weight: number;
  diagnosticity: number;
  /** null while the team's figures are hidden: then it sorts as 0, so the order says nothing of them. */
  teamDiagnosticity: number | null;
}

interface Key {
  value: number;
  at: number;
  id: string;
}

const keyOf = (row: OrderedRow, sort: MatrixSort): Key => {
  const at = Date.parse(row.createdAt);
  const value = sort === "logged" ? at : sort === "weight" ? row.weight : sort === "diagnosticity" ? row.diagnosticity : (row.teamDiagnosticity ?? 0);
  return { value, at, id: row.id };
};

/** Largest value first, then newest logged, then id (descending): a total order. */
const compare = (a: Key, b: Key): number => b.value - a.value || b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function sortRows<R extends OrderedRow>(rows: readonly R[], sort: MatrixSort): R[] {
  return rows
    .map((row) => ({ row, key: keyOf(row, sort) }))
    .sort((a, b) => compare(a.key, b.key))
    .map((x) => x.row);
}

const encode = (k: Key) => `${k.value}_${k.at}_${k.id}`;

function decode(cursor: string): Key {
  const [value, at, ...rest] = cursor.split("_");
  const v = Number(value);
  const t = Number(at);
  if (!value || !Number.isFinite(v) || !/^\d+$/.test(at ?? "") || rest.length === 0) {
    throw new DomainError("invalid", "The cursor is not one this server gave out", [{ path: "cursor", message: "malformed cursor" }]);
  }
  return { value: v, at: t, id: rest.join("_") };
}

/** `limit` rows of `sorted` (already in `sort` order) after the cursor's row. */
export function pageRows<R extends OrderedRow>(sorted: readonly R[], sort: MatrixSort, limit: number, cursor?: string): Page<R> {
  let start = 0;
  if (cursor) {
    const after = decode(cursor);
    // the first row past the cursor (binary search: the rows are sorted by the same compare)
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(keyOf(sorted[mid]!, sort), after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const items = sorted.slice(start, start + limit);
  const more = start + limit < sorted.length;
  return { items, nextCursor: more && items.length > 0 ? encode(keyOf(items[items.length - 1]!, sort)) : null };
}
