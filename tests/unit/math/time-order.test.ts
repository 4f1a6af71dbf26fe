import { describe, expect, it } from "vitest";
import { inTimeOrder } from "@/lib/math/time-order";

describe("inTimeOrder", () => {
  const a = { at: 3000, id: "a" };
  const b = { at: 1000, id: "b" };
  const c = { at: 3000, id: "c" };
  const d = { at: 2000, id: "d" };

  it("orders oldest first and keeps the listed order at one instant (the later-listed stands)", () => {
    expect(inTimeOrder([a, b, c, d]).map((x) => x.id)).toEqual(["b", "d", "a", "c"]);
    expect(inTimeOrder([c, b, a, d]).map((x) => x.id)).toEqual(["b", "d", "c", "a"]);
  });

  it("leaves out what is at or after `until`", () => {
    expect(inTimeOrder([a, b, c, d], 3000).map((x) => x.id)).toEqual(["b", "d"]);
    expect(inTimeOrder([a, b, c, d], 3001).map((x) => x.id)).toEqual(["b", "d", "a", "c"]);
    expect(inTimeOrder([a, b], 1000)).toEqual([]);
  });

  it("returns a new array and leaves its input as it was", () => {
    const input = [a, b, c, d];
    const out = inTimeOrder(input);
    expect(out).not.toBe(input);
    expect(input.map((x) => x.id)).toEqual(["a", "b", "c", "d"]);
  });
});
