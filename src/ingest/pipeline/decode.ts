// Stage 1, decode: bytes -> numbered lines of text. Lines are cut on the byte 0x0A, which is never part
// of a multi-byte character in UTF-8 or GB18030, and each line is decoded strictly: bytes that are not
// valid in the file's encoding (declared, or detected at the first non-ASCII line) refuse the whole
// file with rule ENCODING and the line number, so nothing is ever imported garbled. A GB18030 file
// with a line that is valid UTF-8 (and not ASCII) is taken for a mixed file and refused as well.
import { isUtf8 } from 'node:buffer';
import { decode as iconvDecode } from 'iconv-lite';
import { badInput } from '../../common/errors';

export type Encoding = 'utf8' | 'gb18030' | 'auto';

export const MAX_LINE_CHARS = 1_000_000;

export interface Decoded {
  encoding: 'utf8' | 'gb18030' | 'ascii';
}

export interface Line {
  text: string;
  lineNumber: number;
  oversized?: boolean;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function ascii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] >= 0x80) return false;
  return true;
}

function refuse(lineNumber: number, encoding: string): never {
  throw badInput(
    `line ${lineNumber}: bytes that are not valid ${encoding === 'utf8' ? 'UTF-8' : 'GB18030'} (a file mixing encodings?); nothing was imported. ` +
      'Convert the file to one encoding, or give it: --encoding gb18030 / ?encoding=gb18030',
    'file',
    'ENCODING',
  );
}

// Bytes of one line -> text, or a refusal.
function decodeLine(bytes: Buffer, lineNumber: number, seen: Decoded, declared: Encoding): string {
  if (ascii(bytes)) return bytes.toString('latin1');
  if (seen.encoding === 'ascii') seen.encoding = declared === 'auto' ? (isUtf8(bytes) ? 'utf8' : 'gb18030') : declared;
  if (seen.encoding === 'utf8') {
    if (!isUtf8(bytes)) refuse(lineNumber, 'utf8');
    return bytes.toString('utf8');
  }
  if (isUtf8(bytes)) refuse(lineNumber, 'gb18030');
  const text = iconvDecode(bytes, 'gb18030');
  if (text.includes('\ufffd')) refuse(lineNumber, 'gb18030');
  return text;
}

// Bytes -> lines (LF or CRLF). A line longer than MAX_LINE_CHARS bytes is cut and flagged, the rest of it dropped.
export async function* decodeLines(source: AsyncIterable<Buffer | string>, encoding: Encoding, seen: Decoded = { encoding: 'ascii' }): AsyncGenerator<Line> {
  if (encoding !== 'auto') seen.encoding = encoding;
  let parts: Buffer[] = [];
  let size = 0;
  let lineNumber = 0;
  let skipping = false;
  let first = true;
  const finish = (bytes: Buffer): Line => {
    lineNumber += 1;
    let b = bytes.length && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, -1) : bytes;
    if (first) {
      first = false;
      if (b.subarray(0, 3).equals(BOM)) b = b.subarray(3);
    }
    return { text: decodeLine(b, lineNumber, seen, encoding), lineNumber };
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    let nl: number;
    while ((nl = bytes.indexOf(10, start)) >= 0) {
      const piece = bytes.subarray(start, nl);
      if (skipping) skipping = false;
      else yield finish(parts.length ? Buffer.concat([...parts, piece]) : piece);
      parts = [];
      size = 0;
      start = nl + 1;
    }
    if (start < bytes.length && !skipping) {
      parts.push(bytes.subarray(start));
      size += bytes.length - start;
      if (size > MAX_LINE_CHARS) {
        lineNumber += 1;
        first = false;
        yield { text: Buffer.concat(parts).subarray(0, 2000).toString('latin1'), lineNumber, oversized: true };
        skipping = true;
        parts = [];
        size = 0;
      }
    }
  }
  if (parts.length && !skipping) yield finish(Buffer.concat(parts));
}
