// DOCX → SourceDocument: mammoth turns the checked archive into HTML (headings by style, bold,
// lists from Word's numbering, tables with colspan/rowspan and <thead> for repeated header rows),
// and the HTML reader takes it from there. mammoth drops paragraph alignment, so centred and
// right-aligned paragraphs are given a style of ours first, which the style map turns into a class.
// mammoth parses each part whole and walks it recursively, so every part's nesting is checked first.
import type { Archive } from '../archive.ts';
import type { SourceDocument } from '../source-document.ts';
import { libraryFailure } from '../import-failure.ts';
import type { Budget } from './budget.ts';
import { ALIGN_CLASS_PREFIX, NOTE_ID_PREFIX, readHtml } from './html.ts';
import { checkDepth } from './markup.ts';

const HEADING_STYLES: [string, number][] = [
  ['Title', 1],
  ['Название', 1],
  ['Заголовок', 1],
  ['Subtitle', 2],
  ['Подзаголовок', 2],
  ...[1, 2, 3, 4, 5, 6].flatMap((n): [string, number][] => [
    [`Заголовок ${n}`, n],
    [`Heading ${n}`, n],
    [`heading ${n}`, n],
  ]),
];

const STYLE_MAP = [
  ...HEADING_STYLES.map(([name, level]) => `p[style-name='${name}'] => h${level}:fresh`),
  ...['center', 'right', 'both'].map((align) => `p[style-name='${ALIGN_CLASS_PREFIX}${align}'] => p.${ALIGN_CLASS_PREFIX}${align}:fresh`),
];
const HEADING_NAMES = new Set(HEADING_STYLES.map(([name]) => name));

/** The part of mammoth's document model this file touches. */
interface DocumentElement {
  type: string;
  children?: DocumentElement[];
  styleName?: string | null;
  styleId?: string | null;
  alignment?: string;
  numbering?: unknown;
}

function markAlignment(element: DocumentElement): DocumentElement {
  const stack = [element];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.type === 'paragraph') {
      const align = el.alignment;
      // a heading keeps its style (and a list item its numbering): alignment is worth less than either
      const heading = HEADING_NAMES.has(el.styleName ?? '') || /^Heading\d$/.test(el.styleId ?? '');
      if ((align === 'center' || align === 'right' || align === 'both') && !el.numbering && !heading) {
        el.styleName = `${ALIGN_CLASS_PREFIX}${align}`;
        el.styleId = null;
      }
    }
    if (el.children) stack.push(...el.children);
  }
  return element;
}

export async function readDocx(archive: Archive, budget: Budget): Promise<SourceDocument> {
  const { default: mammoth } = await import('mammoth');
  const copy = archive.checkedCopy((_name, xml) => {
    checkDepth(xml);
    return xml;
  });
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: Buffer.from(copy.buffer) },
      {
        styleMap: STYLE_MAP,
        includeEmbeddedStyleMap: false,
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        idPrefix: NOTE_ID_PREFIX,
        transformDocument: markAlignment,
        // pictures are not read (the archive holds them empty); the reader notes each one dropped
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    ));
  } catch (error) {
    throw libraryFailure('DOCX', error);
  }
  return readHtml(html, budget);
}
