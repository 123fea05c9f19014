// Page guards: pages that need an account send visitors to the login page and back again afterwards.
import { goto } from '$app/navigation';
import { session } from './managers/session-manager.svelte.ts';

export function requireLogin(): boolean {
  if (session.user) return true;
  const next = location.pathname + location.search;
  // `ended`: the login page says the session ended instead of greeting a stranger.
  void goto(`/login?${session.ended ? 'ended=1&' : ''}next=${encodeURIComponent(next)}`, { replaceState: true });
  return false;
}

/** Where to go after logging in: the `next` parameter when it is a path of this site. */
export function afterLogin(url: { searchParams: { get(name: string): string | null } }): string {
  const next = url.searchParams.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/workspaces';
}
