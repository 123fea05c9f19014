// A download's file name from a board's title: Russian letters transliterated (ГОСТ 7.79-2000 system
// Б, as on Russian websites), anything a file system or header could choke on replaced, cut to a
// length every system keeps.
const LETTERS: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'j',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'x',
  ц: 'cz',
  ч: 'ch',
  ш: 'sh',
  щ: 'shh',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const MAX_LENGTH = 120;

export function fileNameOf(title: string): string {
  const latin = [...title]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const t = LETTERS[lower];
      if (t === undefined) return ch;
      return ch === lower ? t : t.charAt(0).toUpperCase() + t.slice(1);
    })
    .join('');
  const safe = latin
    // Dashes and quotes of Russian typography become plain ones before the rest of non-ASCII goes («2021–2022»).
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[«»„“”]/g, '')
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[\\/:*?"<>|%;,]+/g, ' ')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return safe.slice(0, MAX_LENGTH).replace(/[-.]+$/, '') || 'board';
}

/**
 * Characters of the title a download's name keeps: a file system allows 255 bytes a name, and a
 * Cyrillic letter takes two. A longer title («План мероприятий (дорожная карта) по реализации …»)
 * is cut at a word and ends in «…».
 */
const MAX_TITLE_CHARACTERS = 100;

function shortTitle(title: string): string {
  const plain =
    title
      // eslint-disable-next-line no-control-regex -- control characters are what it drops
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'board';
  if ([...plain].length <= MAX_TITLE_CHARACTERS) return plain;
  const cut = [...plain].slice(0, MAX_TITLE_CHARACTERS - 1).join('');
  const word = cut.lastIndexOf(' ');
  return `${(word > MAX_TITLE_CHARACTERS / 2 ? cut.slice(0, word) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** The Content-Disposition of a download: the ASCII name, and the (shortened) title itself for browsers that read `filename*`. */
export const attachment = (asciiName: string, title: string, extension: string): string =>
  `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(`${shortTitle(title)}.${extension}`)}`;
