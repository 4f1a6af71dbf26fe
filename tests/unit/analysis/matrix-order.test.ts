// The matrix's row order and its keyset pages, on rows worked by hand.
import { describe, expect, it } from "vitest";
import { pageRows, sortRows, type OrderedRow } from "@/lib/analysis/matrix-order";
import { DomainError } from "@/lib/errors";

const row = (id: string, day: number, weight: number, diagnosticity: number, teamDiagnosticity: number | null = 0): OrderedRow => ({
  id,
  createdAt: new Date(Date.UTC(2022, 8, day)).toISOString(),
  weight,
  diagnosticity,
  teamDiagnosticity,
});

// a: oldest … e: newest; b and d tie on diagnosticity, c and e on weight
const rows = [row("a", 1, 1, 0.5, 2), row("b", 2, 0.64, 1.5, 0), row("c", 3, 0.36, 0, 1), row("d", 4, 0.8, 1.5, 3), row("e", 5, 0.36, 2, 0)];
const ids = (rs: readonly OrderedRow[]) => rs.map((r) => r.id).join("");

describe("sortRows", () => {
  it("puts the largest first and breaks ties newest logged first", () => {
    expect(ids(sortRows(rows, "logged"))).toBe("edcba");
    expect(ids(sortRows(rows, "diagnosticity"))).toBe("edbac"); // d (day 4) before b (day 2)
    expect(ids(sortRows(rows, "weight"))).toBe("adbec"); // e (day 5) before c (day 3)
    expect(ids(sortRows(rows, "teamDiagnosticity"))).toBe("daceb"); // 3, 2, 1, then e and b at 0, newest first
  });

  it("sorts hidden team figures as 0, so the order is the logged order and reveals nothing", () => {
    const hidden = rows.map((r) => ({ ...r, teamDiagnosticity: null }));
    expect(ids(sortRows(hidden, "teamDiagnosticity"))).toBe("edcba");
  });
});

describe("pageRows", () => {
  it("walks every row once, in order, a page at a time", () => {
    const sorted = sortRows(rows, "diagnosticity");
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = pageRows(sorted, "diagnosticity", 2, cursor);
      seen.push(ids(page.items));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(["ed", "ba", "c"]);
    expect(pageRows(sorted, "diagnosticity", 5).nextCursor).toBeNull();
  });

  it("keeps its place when a row before the cursor moves: the next page neither repeats nor skips", () => {
    const first = pageRows(sortRows(rows, "diagnosticity"), "diagnosticity", 2); // e, d
    // e is rated again and drops to the bottom before the next page is read
    const moved = sortRows(rows.map((r) => (r.id === "e" ? { ...r, diagnosticity: 0 } : r)), "diagnosticity");
    expect(ids(pageRows(moved, "diagnosticity", 2, first.nextCursor!).items)).toBe("ba");
  });

  it("refuses a cursor it did not give out", () => {
    for (const bad of ["", "x", "1_2", "NaN_1_a", "1_x_a"]) {
      expect(() => pageRows(rows, "logged", 2, bad || "_")).toThrow(DomainError);
    }
  });
});
