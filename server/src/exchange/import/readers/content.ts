// What a file's bytes are, whatever its name says (magic numbers), and the text of a text file:
// UTF-8 with or without a BOM, UTF-16 with a BOM (Word's «Unicode text»), else Windows-1251, the
// code page Excel and Notepad use in a Russian locale.

/** What the first bytes say. `text`: no NUL byte anywhere (UTF-16 with a BOM counts as text). */
export type ContentKind = 'zip' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'ole' | 'rtf' | 'gzip' | 'text' | 'binary';

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

export function sniffContent(bytes: Uint8Array): ContentKind {
  // a local file header, or the end record of an empty archive
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  // Word 97–2003 .doc, Excel .xls, and encrypted OOXML all are OLE compound files
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (utf16Encoding(bytes) !== null) return 'text';
  return bytes.includes(0) ? 'binary' : 'text';
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

/** The text of a file sniffed as `text`; a BOM is not part of it. */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16 !== null) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}
