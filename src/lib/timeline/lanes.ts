/**
 * Lane assignment: marks that would overlap on one row go to separate rows (lanes). Each mark
 * occupies a horizontal pixel interval (its bar and its label); two marks share a lane only when
 * a gap separates their intervals.
 *
 * Because every constraint is a difference between positions on the same axis, a layout that is
 * free of overlaps at zoom 1 stays free of overlaps at every zoom above 1: zooming in only widens
 * the gaps.
 */

export interface Occupied {
  /** Left edge in pixels. */
  from: number;
  /** Right edge in pixels (from ≤ to). */
  to: number;
}

export interface LaneAssignment {
  /** Lane of each input, in input order; lane 0 is the top row. */
  lanes: number[];
  laneCount: number;
}

/** A small binary min-heap (the lane search would otherwise be quadratic at thousands of marks). */
class MinHeap<T> {
  private items: T[] = [];
  private readonly less: (a: T, b: T) => boolean;
  constructor(less: (a: T, b: T) => boolean) {
    this.less = less;
  }
  get size(): number {
    return this.items.length;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  push(item: T) {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.less(items[left]!, items[smallest]!)) smallest = left;
        if (right < items.length && this.less(items[right]!, items[smallest]!)) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}

/**
 * First-fit interval partitioning in order of left edge: each mark goes to the lowest lane whose
 * last mark ends at least `gap` pixels before it begins. Ties are broken by input order, so
 * callers control which of two marks that start together sits higher. Marks are taken left to
 * right, so a lane that has become free stays free until it is used: busy lanes wait in a heap by
 * their end, free lanes in a heap by their number. O(n log n).
 */
export function assignLanes(intervals: readonly Occupied[], gap = 6): LaneAssignment {
  const order = intervals.map((_, index) => index).sort((a, b) => intervals[a]!.from - intervals[b]!.from || a - b);
  const busy = new MinHeap<{ lane: number; end: number }>((a, b) => a.end < b.end || (a.end === b.end && a.lane < b.lane));
  const free = new MinHeap<number>((a, b) => a < b);
  const lanes: number[] = new Array<number>(intervals.length).fill(0);
  let laneCount = 0;
  for (const index of order) {
    const interval = intervals[index]!;
    while (busy.size > 0 && busy.peek()!.end + gap <= interval.from) free.push(busy.pop()!.lane);
    const lane = free.size > 0 ? free.pop()! : laneCount++;
    busy.push({ lane, end: interval.to });
    lanes[index] = lane;
  }
  return { lanes, laneCount };
}

/** True when two intervals on the same lane come closer than `gap` (used by tests and checks). */
export function collide(a: Occupied, b: Occupied, gap = 0): boolean {
  return a.from < b.to + gap && b.from < a.to + gap;
}
