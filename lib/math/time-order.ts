// The one order every history is read in: by time, oldest first, and of several at one
// instant the later-listed stands (so it must come later). Array.prototype.sort is stable
// (ES2019), which keeps the listed order at equal times; on a list already in time order,
// as the store returns histories, its TimSort makes one pass.

/** The items before `until` (exclusive), oldest first, equal times in input order. A new array. */
export function inTimeOrder<T extends { at: number }>(list: readonly T[], until = Number.POSITIVE_INFINITY): T[] {
  return list.filter((x) => x.at < until).sort((a, b) => a.at - b.at);
}
