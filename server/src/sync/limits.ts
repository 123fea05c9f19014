// Per-connection limits (SPEC rules L1–L3): frames over MAX_SYNC_FRAME_BYTES are refused by the
// WebSocket layer (1009); a message flood beyond the token bucket closes the connection (4429).
export const MESSAGE_BURST = 600;
export const MESSAGES_PER_SECOND = 300;

export class MessageRateLimit {
  #tokens = MESSAGE_BURST;
  #last = performance.now();

  /** Takes one message from the bucket; false when the connection is over its rate. */
  take(now = performance.now()): boolean {
    this.#tokens = Math.min(MESSAGE_BURST, this.#tokens + ((now - this.#last) / 1000) * MESSAGES_PER_SECOND);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
