// Where links to Soplan in what the server writes (a feed's address, the links in a calendar) point:
// the public URL when configured, else the origin the request came to.
import type { Config } from '../config.ts';

export const baseUrlOf = (config: Config, requestUrl: string): string => config.publicUrl?.origin ?? new URL(requestUrl).origin;
