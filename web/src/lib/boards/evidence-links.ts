// Which entries of an item's «Подтверждение» become links: only web addresses that parse, each once.
// Anyone can write anything there (rule B4), so text that is not an http(s) address — «http://[»,
// «javascript:…» — stays text, and nothing here throws.
export interface EvidenceLink {
  href: string;
  host: string;
}

function linkOf(entry: string): EvidenceLink | null {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? { href: url.href, host: url.host } : null;
}

export function evidenceLinks(entries: readonly string[]): EvidenceLink[] {
  const links = new Map<string, EvidenceLink>();
  for (const entry of entries) {
    const link = linkOf(entry);
    if (link && !links.has(link.href)) links.set(link.href, link);
  }
  return [...links.values()];
}
