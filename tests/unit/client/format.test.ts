import { describe, expect, it } from "vitest";
import { distance, formatRelative, pct, shownPoints, signedPoints } from "@/lib/client/format";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("distance", () => {
  it("names the largest unit the rounded count stays under", () => {
    expect(distance(0)).toBe("0 seconds");
    expect(distance(1 * S)).toBe("1 second");
    expect(distance(44 * S)).toBe("44 seconds");
    expect(distance(59.4 * S)).toBe("59 seconds");
    expect(distance(59.6 * S)).toBe("1 minute");
    expect(distance(90 * S)).toBe("2 minutes");
    expect(distance(59.7 * M)).toBe("1 hour");
    expect(distance(5 * H)).toBe("5 hours");
    expect(distance(23.6 * H)).toBe("1 day");
    expect(distance(2 * D)).toBe("2 days");
    expect(distance(29 * D)).toBe("29 days");
    expect(distance(29.6 * D)).toBe("1 month");
    expect(distance(200 * D)).toBe("7 months");
    expect(distance(359 * D)).toBe("1 year");
    expect(distance(3 * 365 * D)).toBe("3 years");
    expect(distance(-2 * D)).toBe("2 days");
  });

  it("says ago for the past and in for the future", () => {
    const now = Date.parse("2026-01-10T12:00:00Z");
    expect(formatRelative("2026-01-08T12:00:00Z", now)).toBe("2 days ago");
    expect(formatRelative("2026-01-10T15:00:00Z", now)).toBe("in 3 hours");
  });
});

describe("shownPoints", () => {
  it("is the difference of the whole percentages pct() prints", () => {
    expect([pct(0.174), pct(0.176)]).toEqual(["17 %", "18 %"]);
    expect(shownPoints(0.174, 0.176)).toBe(1);
    expect(signedPoints(shownPoints(0.174, 0.176) / 100)).toBe("▲1");
    expect(shownPoints(0.176, 0.181)).toBe(0); // 18 % → 18 %
    expect(shownPoints(null, 0.35)).toBe(35); // a new hypothesis counts from 0
    expect(shownPoints(0.3, null)).toBe(-30);
  });
});
