// Text both engines can store as typed. PostgreSQL's text cannot hold the NUL character
// (U+0000) and SQLite's can, so a value with one would be kept on one engine and fail on the
// other: it is refused everywhere, at the edge, naming where it was found.

/** The path of the first string (or object key) containing U+0000, or null. */
export function nulPath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path || "(body)" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      if (k.includes("\u0000")) return at;
      const found = nulPath(v, at);
      if (found) return found;
    }
  }
  return null;
}

export const NUL_MESSAGE = "must not contain the NUL character (U+0000)";
