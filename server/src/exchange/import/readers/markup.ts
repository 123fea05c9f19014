// HTML and XML parsed into htmlparser2's DOM with a cap on how deep elements nest, checked as each
// element opens: a document nested past the cap is refused where it passes it, before the rest is
// parsed. Built whole first, 200 000 nested <div>s would hold the worker for seconds — the parser's
// stack of open elements grows at its front, so every opening costs as much as the depth so far —
// and the readers' walks over the tree recurse once per level, so they rely on this cap too.
// `checkDepth` does the same for XML another library parses whole (mammoth: seconds of building,
// then recursion past the stack).
import { DomHandler, type Document } from 'domhandler';
import { Parser } from 'htmlparser2';
import { ImportFailure } from '../import-failure.ts';

/** Deeper than this, a document is built to break parsers rather than to be read. */
export const MAX_DEPTH = 400;

/** What the handler is told of its parser: where the current token starts. */
type ParserPosition = Parameters<DomHandler['onparserinit']>[0];

const tooDeep = (offset: number | null) =>
  new ImportFailure('import_too_complex', `The document nests elements deeper than ${MAX_DEPTH}`, { maxDepth: MAX_DEPTH, offset: offset ?? 0 });

class DepthLimitedHandler extends DomHandler {
  #parser: ParserPosition | null = null;

  override onparserinit(parser: ParserPosition): void {
    super.onparserinit(parser);
    this.#parser = parser;
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    // the stack holds the document and each element still open: this one would be one deeper
    if (this.tagStack.length > MAX_DEPTH) throw tooDeep(this.#parser?.startIndex ?? null);
    super.onopentag(name, attribs);
  }
}

/** The document's DOM; throws import_too_complex (with the `offset` where reading stopped) when elements nest deeper than MAX_DEPTH. */
export function parseMarkup(text: string, xmlMode: boolean): Document {
  const handler = new DepthLimitedHandler(null, { xmlMode });
  new Parser(handler, { xmlMode, decodeEntities: true }).end(text);
  return handler.root;
}

/** Throws import_too_complex (with the `offset` where reading stopped) when the XML's elements nest deeper than MAX_DEPTH; builds nothing. */
export function checkDepth(xml: string): void {
  let depth = 0;
  const parser: Parser = new Parser(
    {
      onopentag: () => {
        depth += 1;
        if (depth > MAX_DEPTH) throw tooDeep(parser.startIndex);
      },
      onclosetag: () => {
        depth -= 1;
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
}
