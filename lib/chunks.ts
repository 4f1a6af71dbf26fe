// Long id lists are read in slices, so each IN (…) stays well under the engines' bound-
// parameter limits (SQLite: 32,766; PostgreSQL: 65,535).
const CHUNK = 500;

export function chunks<T>(list: readonly T[], size: number = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
