/** mulberry32: a small seeded PRNG, so the demo and the simulator are the same every run. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  id(prefix: string): string {
    let text = "";
    for (let i = 0; i < 16; i++) text += "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(this.next() * 36)];
    return `${prefix}${text}`;
  }
}
