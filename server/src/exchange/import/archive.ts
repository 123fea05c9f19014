// The ZIP container of DOCX, ODT and XLSX, opened defensively. Its central directory is read first
// and nothing is inflated unless the archive as declared stays within IMPORT_LIMITS: entry count,
// total uncompressed size, and each entry's compression ratio (a zip bomb is all three far beyond).
// Declared sizes can lie, so inflating an entry stops as soon as it yields more than it declared.
// Every part that is not a picture or font is checked for `<!DOCTYPE` / `<!ENTITY` (entity
// expansion, external entities) before any XML parser — ours, mammoth's or exceljs's — may see it:
// those libraries get `checkedCopy()`, an archive of only the checked parts, never the upload.
import { IMPORT_LIMITS } from '@soplan/shared';
import { Inflate, strToU8, zipSync, type Zippable } from 'fflate';
import { ImportFailure } from './import-failure.ts';
import { decodeText } from './readers/content.ts';

export interface ArchiveEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As declared by the central directory. */
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record sits in the last 22 bytes plus a comment of at most 65 535. */
const EOCD_SEARCH = 22 + 0xffff;
/** Below this an entry's ratio says nothing: a few KiB of repeated markup compresses past any bound, harmlessly. */
const RATIO_FLOOR = 1024 * 1024;
/**
 * Compressed bytes handed to the inflater at a time: bounds what one step can yield past a declared
 * size (deflate expands at most ~1032×: 4 MiB); smaller steps spend more in the inflater's copying.
 */
const INFLATE_STEP = 4096;
/** Parts that are never XML: pictures, embedded fonts, binary blobs. Emptied, not inflated, in `checkedCopy`. */
const BINARY_PART = /\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|wdp|jxr|ico|webp|bin|odttf|ttf|otf|woff2?|mp[34]|wav|avi|mov|pdf)$/i;

const corrupt = (why: string) => new ImportFailure('corrupt_file', `The archive is corrupt: ${why}`);
const tooLarge = (why: string, params: Record<string, number>) => new ImportFailure('archive_too_large', `The archive is too large: ${why}`, params);

export class Archive {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly #entries = new Map<string, ArchiveEntry>();

  private constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Reads the central directory and checks the limits; inflates nothing. */
  static open(bytes: Uint8Array): Archive {
    const archive = new Archive(bytes);
    archive.#readDirectory();
    return archive;
  }

  get entries(): ReadonlyMap<string, ArchiveEntry> {
    return this.#entries;
  }

  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /** The inflated bytes of an entry, never more than it declared. */
  read(name: string): Uint8Array {
    const entry = this.#entries.get(name);
    if (!entry) throw corrupt(`${name} is missing`);
    const start = this.#dataOffset(entry);
    const data = this.#bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw corrupt(`${name} is stored with two sizes`);
      return data.slice();
    }
    return inflateBounded(data, entry);
  }

  /** The text of an XML part, refused when it declares a DOCTYPE or entities. */
  xml(name: string): string {
    return this.#checked(name).text;
  }

  #checked(name: string): { bytes: Uint8Array; text: string } {
    const bytes = this.read(name);
    const text = refuseDoctype(name, decodeText(bytes));
    return { bytes, text };
  }

  /**
   * A new archive of this one's parts for libraries that open archives themselves: every part but
   * pictures and fonts inflated within its declared size and checked like `xml()`; pictures and fonts
   * kept by name but empty (nothing here reads them). `rewrite` is shown each part's text before the
   * library is: it may refuse the part (throw), or answer it changed (to leave out what the library
   * would expand and nothing reads), and a changed text is checked again, since cutting text out can
   * join what was apart into a DOCTYPE.
   */
  checkedCopy(rewrite?: (name: string, text: string) => string): Uint8Array<ArrayBuffer> {
    const files: Zippable = {};
    for (const name of this.#entries.keys()) {
      if (name.endsWith('/')) continue;
      if (BINARY_PART.test(name)) {
        files[name] = new Uint8Array(0);
        continue;
      }
      const { bytes, text } = this.#checked(name);
      const changed = rewrite ? rewrite(name, text) : text;
      files[name] = changed === text ? bytes : strToU8(refuseDoctype(name, changed));
    }
    try {
      return zipSync(files, { level: 0 });
    } catch (error) {
      // fflate refuses what its format cannot hold: a name that decodes (invalid bytes → U+FFFD) past 64 KiB
      throw corrupt(error instanceof Error ? error.message : String(error));
    }
  }

  // Every read of the archive's records goes through these: an offset the file does not reach is a
  // corrupt file, never a RangeError out of the DataView (a bug, and a 500).
  #at(offset: number, width: number): number {
    if (!(offset >= 0 && offset + width <= this.#bytes.length)) throw corrupt('a record runs past the end of the file');
    return offset;
  }
  #u16 = (offset: number): number => this.#view.getUint16(this.#at(offset, 2), true);
  #u32 = (offset: number): number => this.#view.getUint32(this.#at(offset, 4), true);
  #u64(offset: number): number {
    const value = this.#view.getBigUint64(this.#at(offset, 8), true);
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  }

  #readDirectory(): void {
    const length = this.#bytes.length;
    let eocd = -1;
    for (let at = length - 22; at >= Math.max(0, length - EOCD_SEARCH); at--) {
      if (this.#u32(at) === EOCD) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) throw corrupt('no end of central directory');
    let count = this.#u16(eocd + 10);
    let directorySize = this.#u32(eocd + 12);
    let directoryOffset = this.#u32(eocd + 16);
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      const locator = eocd - 20;
      if (locator < 0 || this.#u32(locator) !== EOCD64_LOCATOR) throw corrupt('ZIP64 end record missing');
      const eocd64 = this.#u64(locator + 8);
      if (eocd64 + 56 > length || this.#u32(eocd64) !== EOCD64) throw corrupt('ZIP64 end record missing');
      count = this.#u64(eocd64 + 32);
      directorySize = this.#u64(eocd64 + 40);
      directoryOffset = this.#u64(eocd64 + 48);
    }
    if (count > IMPORT_LIMITS.maxEntries) throw tooLarge(`${count} entries`, { entries: count, maxEntries: IMPORT_LIMITS.maxEntries });
    if (directoryOffset + directorySize > length) throw corrupt('central directory out of the file');

    let at = directoryOffset;
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > length || this.#u32(at) !== CENTRAL) throw corrupt('bad central directory entry');
      const flags = this.#u16(at + 8);
      const method = this.#u16(at + 10);
      let compressedSize = this.#u32(at + 20);
      let size = this.#u32(at + 24);
      const nameLength = this.#u16(at + 28);
      const extraLength = this.#u16(at + 30);
      const commentLength = this.#u16(at + 32);
      let localOffset = this.#u32(at + 42);
      const nameStart = at + 46;
      const extraStart = nameStart + nameLength;
      const next = extraStart + extraLength + commentLength;
      if (next > length) throw corrupt('bad central directory entry');
      // ZIP64 extra field: the 64-bit values of the fields that are 0xFFFFFFFF, in this order. Its
      // values are read only from what both its own length and the extra field hold: a length that
      // runs past the extra field would take them from the comment, the next entry or beyond the file.
      const extraEnd = extraStart + extraLength;
      for (let x = extraStart; x + 4 <= extraEnd;) {
        const id = this.#u16(x);
        const dataLength = this.#u16(x + 2);
        if (id === 0x0001) {
          const dataEnd = Math.min(x + 4 + dataLength, extraEnd);
          let field = x + 4;
          const take = (): number => {
            if (field + 8 > dataEnd) throw corrupt('bad ZIP64 field');
            const value = this.#u64(field);
            field += 8;
            return value;
          };
          if (size === 0xffffffff) size = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localOffset === 0xffffffff) localOffset = take();
        }
        x += 4 + dataLength;
      }
      const name = new TextDecoder()
        .decode(this.#bytes.subarray(nameStart, nameStart + nameLength))
        .replace(/\\/g, '/')
        .replace(/^\/+/, '');
      at = next;
      if (name.endsWith('/')) continue;
      if (flags & 0x1) throw corrupt(`${name} is encrypted`);
      if (method !== 0 && method !== 8) throw corrupt(`${name} uses compression method ${method}`);
      if (size > RATIO_FLOOR && size / Math.max(compressedSize, 1) > IMPORT_LIMITS.maxCompressionRatio)
        throw tooLarge(`${name} expands ${Math.round(size / Math.max(compressedSize, 1))} times`, {
          ratio: Math.round(size / Math.max(compressedSize, 1)),
          maxCompressionRatio: IMPORT_LIMITS.maxCompressionRatio,
        });
      total += size;
      if (total > IMPORT_LIMITS.maxUncompressedBytes)
        throw tooLarge('more than the uncompressed size allowed', { maxUncompressedBytes: IMPORT_LIMITS.maxUncompressedBytes });
      if (!this.#entries.has(name)) this.#entries.set(name, { name, method, compressedSize, size, localOffset });
    }
  }

  #dataOffset(entry: ArchiveEntry): number {
    const at = entry.localOffset;
    if (at + 30 > this.#bytes.length || this.#u32(at) !== LOCAL) throw corrupt(`no local header for ${entry.name}`);
    const start = at + 30 + this.#u16(at + 26) + this.#u16(at + 28);
    if (start + entry.compressedSize > this.#bytes.length) throw corrupt(`${entry.name} runs past the end of the file`);
    return start;
  }
}

/** The text of a part, unless it declares a DOCTYPE or entities (expansion, external entities): no document needs them. */
function refuseDoctype(name: string, text: string): string {
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw new ImportFailure('doctype_refused', `${name} declares a DOCTYPE or entities, which documents never need`, { part: name });
  return text;
}

/** Signals, from inside the inflater's callback, that an entry yields more than it declared. */
class Overflow extends Error {}

function inflateBounded(data: Uint8Array, entry: ArchiveEntry): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > entry.size) throw new Overflow();
    chunks.push(chunk.slice());
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += INFLATE_STEP) inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
  } catch (error) {
    if (error instanceof Overflow) throw tooLarge(`${entry.name} expands beyond the size it declares`, { declared: entry.size });
    throw corrupt(`${entry.name} does not inflate`);
  }
  if (total !== entry.size) throw corrupt(`${entry.name} is not the size it declares`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
