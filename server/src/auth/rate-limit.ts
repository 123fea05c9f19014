// A fixed-window counter per key, in memory: login and password-change attempts per account and per
// IP, sign-ups per IP. An attempt is counted when it starts and may be given back once it has turned
// out not to count (a correct password does not use up an IP's budget).
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  readonly #hits = new Map<string, { count: number; resetAt: number }>();
  readonly #options: RateLimitOptions;

  constructor(options: RateLimitOptions) {
    this.#options = options;
  }

  /** Seconds until `key` may try again, or 0 when it is under the limit. */
  retryAfter(key: string, now = Date.now()): number {
    const entry = this.#hits.get(key);
    if (!entry || entry.resetAt <= now || entry.count < this.#options.limit) return 0;
    return Math.ceil((entry.resetAt - now) / 1000);
  }

  hit(key: string, now = Date.now()): void {
    const entry = this.#hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.#hits.set(key, { count: 1, resetAt: now + this.#options.windowMs });
      if (this.#hits.size > 10_000) this.#sweep(now);
    } else {
      entry.count += 1;
    }
  }

  /**
   * Gives back one hit of `key` in its current window. Should the window have rolled over since the
   * hit, the new window is the one lowered: at most one attempt more for that key, never below zero.
   */
  refund(key: string, now = Date.now()): void {
    const entry = this.#hits.get(key);
    if (entry && entry.resetAt > now && entry.count > 0) entry.count -= 1;
  }

  reset(key: string): void {
    this.#hits.delete(key);
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#hits) if (entry.resetAt <= now) this.#hits.delete(key);
  }
}
