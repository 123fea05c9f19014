// Whether a browser's Origin header is Soplan's own: the public URL when configured, else the Host.
export function isSameOrigin(origin: string, host: string | undefined, publicUrl: URL | null): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl) return url.origin === publicUrl.origin;
  return (url.protocol === 'http:' || url.protocol === 'https:') && host !== undefined && url.host === host.toLowerCase();
}
