// Setup of the web suite (vitest.web.config.ts). The page's live feed calls io() without a URL, and
// a browser's socket carries the origin's cookies: here the same io() connects to the open page's
// server with them (web-page.ts). A test's own socket.io clients name their URL and pass untouched.
import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import { vi } from 'vitest';

type Options = Partial<ManagerOptions & SocketOptions>;

vi.mock('socket.io-client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('socket.io-client')>();
  const { pageCookies } = await import('./web-page.ts');
  function io(uri?: string | Options, opts?: Options) {
    if (typeof uri === 'string') return actual.io(uri, opts);
    return actual.io(location.origin, { ...uri, extraHeaders: { ...uri?.extraHeaders, cookie: pageCookies() } });
  }
  return { ...actual, io, default: io };
});
