import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/client/safe-next";

describe("safeNext", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeNext("/scenarios/abc?asOf=2022-09-10T00%3A00%3A00.000Z#q1")).toBe("/scenarios/abc?asOf=2022-09-10T00%3A00%3A00.000Z#q1");
    expect(safeNext("/scenarios")).toBe("/scenarios");
  });

  it("refuses every way out to another host, falling back to the scenario list", () => {
    for (const evil of [
      "//evil.example",
      "/\\evil.example",
      "/%09/evil.example",
      "/\\/evil.example",
      "/%5Cevil.example",
      "/%2F/evil.example".replace("%2F", "/"),
      "/\t/evil.example",
      "/\n/evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil.example",
      "",
      null,
      undefined,
    ]) {
      expect(safeNext(evil as string | null | undefined), String(evil)).toBe("/scenarios");
    }
  });
});
