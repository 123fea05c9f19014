// The model as a plain HTML file (a page saved from a browser, or a document saved «as web page»):
// headings, <b>, links, nested <ul>/<ol>, tables with <thead>/<th>, colspan and rowspan.
import type { Inline, Paragraph, SourceDocument, Table } from './model.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inlineHtml(inline: Inline): string {
  let html = escape(inline.text);
  if (inline.bold) html = `<b>${html}</b>`;
  if (inline.italic) html = `<i>${html}</i>`;
  return inline.href ? `<a href="${escape(inline.href)}">${html}</a>` : html;
}

const content = (para: Paragraph) => para.inlines.map(inlineHtml).join('');
const alignAttr = (para: Paragraph) => (para.align ? ` style="text-align:${para.align}"` : '');

/** Paragraphs of one container; consecutive list paragraphs become one list, nested by depth. */
function paragraphsHtml(paragraphs: Paragraph[]): string {
  const out: string[] = [];
  const open: { tag: 'ul' | 'ol'; depth: number }[] = [];
  const closeTo = (depth: number) => {
    while (open.length && open.at(-1)!.depth >= depth) out.push(`</li></${open.pop()!.tag}>`);
  };
  for (const para of paragraphs) {
    if (!para.list) {
      closeTo(0);
      const tag = para.heading ? `h${Math.min(6, Math.max(1, para.heading))}` : 'p';
      out.push(`<${tag}${alignAttr(para)}>${content(para)}</${tag}>`);
      continue;
    }
    const tag = para.list.ordered ? 'ol' : 'ul';
    const depth = para.list.depth;
    closeTo(depth + 1);
    if (open.at(-1)?.depth === depth && open.at(-1)!.tag !== tag) closeTo(depth);
    if (open.at(-1)?.depth === depth) out.push('</li>');
    // Lists skipped over (an item two levels deeper) get an item of their own to hold the deeper list.
    while ((open.at(-1)?.depth ?? -1) < depth) {
      const level = (open.at(-1)?.depth ?? -1) + 1;
      out.push(`<${tag}>`);
      open.push({ tag, depth: level });
      if (level < depth) out.push('<li>');
    }
    out.push(`<li${alignAttr(para)}>${content(para)}`);
  }
  closeTo(0);
  return out.join('\n');
}

function tableHtml(table: Table): string {
  const leading = table.rows.findIndex((r) => !r.header);
  const headCount = leading === -1 ? table.rows.length : leading;
  const rowHtml = (row: Table['rows'][number]) => {
    const tag = row.header ? 'th' : 'td';
    const cells = row.cells.map((cell) => {
      const spans = `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
      return `<${tag}${spans}>${paragraphsHtml(cell.paragraphs)}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  };
  const head = table.rows.slice(0, headCount).map(rowHtml);
  const body = table.rows.slice(headCount).map(rowHtml);
  return `<table border="1" cellspacing="0" cellpadding="4">\n${head.length ? `<thead>\n${head.join('\n')}\n</thead>\n` : ''}<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

export function sourceToHtml(doc: SourceDocument): string {
  const parts: string[] = [];
  let run: Paragraph[] = [];
  for (const block of doc.blocks) {
    if (block.type === 'paragraph') run.push(block);
    else {
      parts.push(paragraphsHtml(run), tableHtml(block));
      run = [];
    }
  }
  parts.push(paragraphsHtml(run));
  return `<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n<title>План</title>\n</head>\n<body>\n${parts.filter(Boolean).join('\n')}\n</body>\n</html>\n`;
}
