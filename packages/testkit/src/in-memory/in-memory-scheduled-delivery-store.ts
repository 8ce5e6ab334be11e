import type { ScheduledDelivery, ScheduledDeliveryStore } from '@omnitouch/engine';

interface HeapEntry {
  readonly delivery: ScheduledDelivery;
  /** Scheduling order, so deliveries due at the same moment leave in the order they came. */
  readonly seq: number;
}

function isEarlier(a: HeapEntry, b: HeapEntry): boolean {
  return (
    a.delivery.deliverAt < b.delivery.deliverAt ||
    (a.delivery.deliverAt === b.delivery.deliverAt && a.seq < b.seq)
  );
}

/**
 * A `ScheduledDeliveryStore` over a binary min-heap ordered by `deliverAt` (then scheduling order):
 * `schedule` and each taken delivery cost O(log n).
 */
export class InMemoryScheduledDeliveryStore implements ScheduledDeliveryStore {
  private readonly heap: HeapEntry[] = [];
  private nextSeq = 0;

  schedule(delivery: ScheduledDelivery): void {
    this.heap.push({ delivery, seq: this.nextSeq++ });
    this.siftUp(this.heap.length - 1);
  }

  takeDue(now: number, limit: number): ScheduledDelivery[] {
    const due: ScheduledDelivery[] = [];
    while (due.length < limit) {
      const top = this.heap[0];
      if (top === undefined || top.delivery.deliverAt > now) {
        break;
      }
      due.push(top.delivery);
      this.removeTop();
    }
    return due;
  }

  size(): number {
    return this.heap.length;
  }

  private removeTop(): void {
    const last = this.heap.pop();
    if (last !== undefined && this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      const c = heap[child];
      const p = heap[parent];
      if (c === undefined || p === undefined || !isEarlier(c, p)) {
        return;
      }
      heap[child] = p;
      heap[parent] = c;
      child = parent;
    }
  }

  private isEarlierAt(i: number, j: number): boolean {
    const a = this.heap[i];
    const b = this.heap[j];
    return a !== undefined && b !== undefined && isEarlier(a, b);
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    let parent = index;
    for (;;) {
      const left = 2 * parent + 1;
      let smallest = parent;
      if (this.isEarlierAt(left, smallest)) {
        smallest = left;
      }
      if (this.isEarlierAt(left + 1, smallest)) {
        smallest = left + 1;
      }
      if (smallest === parent) {
        return;
      }
      const p = heap[parent] as HeapEntry;
      heap[parent] = heap[smallest] as HeapEntry;
      heap[smallest] = p;
      parent = smallest;
    }
  }
}
