// Who an «Ответственный» cell names. Cells are typed freely: «МДОУ № 8», «Соколова Е.В.»,
// «Е. В. Соколова, МОУ ГЦРО». «Мои задачи» and the per-organisation counts match them here.

const normal = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„]/g, '')
    // «МДОУ «Детский сад № 8»» is how a plan writes the workspace's «МДОУ № 8».
    .replace(/(^|\s)детский сад(?=\s+№)/g, '$1')
    .replace(/№\s*/g, '№ ')
    .replace(/\s+/g, ' ')
    .trim();

const LETTER = /[\p{L}\p{N}]/u;

/** Whether `needle` occurs in `hay` as whole words (not inside a longer word or number). */
function hasWords(hay: string, needle: string): boolean {
  if (!needle) return false;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
    const before = hay[at - 1];
    const after = hay[at + needle.length];
    if ((before === undefined || !LETTER.test(before)) && (after === undefined || !LETTER.test(after))) return true;
  }
  return false;
}

/**
 * The names a plan may use for an organisation: its full name, an abbreviation it gives in brackets
 * («МОУ «Городской центр развития образования» (ГЦРО)» → ГЦРО), and a leading abbreviation
 * («ЯГПУ им. К. Д. Ушинского» → ЯГПУ) unless a number tells it apart from its siblings (МДОУ № 8).
 */
function organisationNames(organisation: string): string[] {
  const names = [organisation, ...[...organisation.matchAll(/\(([^()]+)\)/g)].map((m) => m[1]!)];
  const leading = /^(\p{Lu}{3,})\s/u.exec(organisation);
  if (leading && !organisation.includes('№')) names.push(leading[1]!);
  return names.map(normal).filter(Boolean);
}

/**
 * Whether the cell names the organisation: one of its names as whole words, or the cell is the
 * beginning of its full name, two words at least («Департамент образования» for «Департамент
 * образования мэрии города Ярославля»).
 */
export function namesOrganisation(responsible: string, organisation: string): boolean {
  const cell = normal(responsible);
  const full = normal(organisation);
  if (cell.includes(' ') && full.startsWith(`${cell} `)) return true;
  return organisationNames(organisation).some((name) => hasWords(cell, name));
}

/**
 * Whether the cell names the person. An account's name may be «Фамилия Имя Отчество» or «Имя
 * Отчество Фамилия», with a note after a comma or in brackets; the cell may give the full name, the
 * surname with matching initials, or the surname alone.
 */
export function namesPerson(responsible: string, personName: string): boolean {
  const cell = normal(responsible);
  const words = normal(personName.replace(/\(.*?\)/g, '').split(',')[0] ?? '')
    .split(' ')
    .filter((w) => w.length > 1);
  if (words.length === 0) return false;
  if (hasWords(cell, words.join(' '))) return true;
  if (words.length < 2) return false;
  const orders: [string, string[]][] = [
    [words[0]!, words.slice(1, 3)],
    [words.at(-1)!, words.slice(0, 2)],
  ];
  return orders.some(([surname, given]) => {
    if (!hasWords(cell, surname)) return false;
    if (hasWords(cell, given.join(' '))) return true;
    const initials = given.map((w) => w[0]).join('');
    const written = [...cell.matchAll(/(\p{L})\.\s?(\p{L})\./gu)].map((m) => m[1]! + m[2]!);
    return written.length === 0 || written.includes(initials.slice(0, 2));
  });
}
