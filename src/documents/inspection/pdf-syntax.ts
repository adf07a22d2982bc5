/**
 * Just enough PDF syntax to inspect untrusted bytes without a PDF library: names, stream boundaries, stream
 * dictionaries. Works on a latin1 string of the file (one char per byte), so offsets equal byte offsets.
 */

/** PDF whitespace and delimiters end a name token (ISO 32000-1 §7.2.2). */
// eslint-disable-next-line no-control-regex -- PDF whitespace includes NUL and form feed
const NAME_TOKEN = /\/([^\x00\x09\x0a\x0c\x0d\x20()<>[\]{}/%]*)/g;

/** "/J#61vaScript" → "JavaScript": names may hex-escape any byte. */
export function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export interface NameToken {
  name: string;
  /** Index just after the token in the scanned text. */
  end: number;
}

export function* pdfNames(text: string): Generator<NameToken> {
  const re = new RegExp(NAME_TOKEN.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield { name: decodeName(m[1]), end: re.lastIndex };
  }
}

/** Rewrites every name in `text` in decoded form, so dictionary regexes need not care about #xx escapes. */
export function decodeNamesIn(text: string): string {
  return text.replace(new RegExp(NAME_TOKEN.source, 'g'), (_, raw: string) => `/${decodeName(raw)}`);
}

export interface PdfStream {
  /** The stream dictionary, names decoded. */
  dict: string;
  dataStart: number;
  dataEnd: number;
}

export interface StreamLayout {
  streams: PdfStream[];
  /** The file with every stream body cut out: only PDF syntax, no binary payload to give false name hits. */
  outside: string;
}

const STREAM_KEYWORD = /(?<![A-Za-z])stream(?:\r\n|\n|\r)/g;
const DICT_LOOKBACK = 65536;

/**
 * Finds every `stream … endstream` body. Trusts a direct /Length when `endstream` follows it, else searches for
 * `endstream` (as pdf.js does), and resumes after the body so binary data is never mistaken for syntax.
 */
export function locateStreams(text: string, maxStreams: number): StreamLayout | 'too-many' {
  const streams: PdfStream[] = [];
  const outside: string[] = [];
  let pos = 0;
  const re = new RegExp(STREAM_KEYWORD.source, 'g');
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) break;
    if (streams.length >= maxStreams) return 'too-many';
    const windowStart = Math.max(pos, m.index - DICT_LOOKBACK);
    const before = text.slice(windowStart, m.index);
    const objAt = before.lastIndexOf('obj');
    const dict = decodeNamesIn(objAt >= 0 ? before.slice(objAt + 3) : before);
    const dataStart = m.index + m[0].length;
    const dataEnd = streamEnd(text, dataStart, dict);
    streams.push({ dict, dataStart, dataEnd });
    outside.push(text.slice(pos, dataStart));
    const endKeyword = text.indexOf('endstream', dataEnd);
    pos = endKeyword >= 0 ? endKeyword : text.length;
  }
  outside.push(text.slice(pos));
  return { streams, outside: outside.join(' ') };
}

function streamEnd(text: string, dataStart: number, dict: string): number {
  const declared = /\/Length\s+(\d{1,10})(?!\s+\d+\s+R)/.exec(dict);
  if (declared) {
    const end = dataStart + Number(declared[1]);
    if (end <= text.length && /^\s*endstream/.test(text.slice(end, end + 40))) return end;
  }
  const found = text.indexOf('endstream', dataStart);
  if (found < 0) return text.length;
  let end = found;
  if (text[end - 1] === '\n') end--;
  if (text[end - 1] === '\r') end--;
  return Math.max(dataStart, end);
}

const FILTER_ABBREVIATIONS: Readonly<Record<string, string>> = {
  Fl: 'FlateDecode',
  AHx: 'ASCIIHexDecode',
  A85: 'ASCII85Decode',
  LZW: 'LZWDecode',
  RL: 'RunLengthDecode',
  CCF: 'CCITTFaxDecode',
  DCT: 'DCTDecode',
};

/** The /Filter chain of a stream dictionary, abbreviations expanded, in decoding order. */
export function filterChain(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/.exec(dict);
  if (!m) return [];
  return [...m[1].matchAll(/\/([^\s/[\]<>()]+)/g)].map((f) => FILTER_ABBREVIATIONS[f[1]] ?? f[1]);
}

export type StreamKind = 'objstm' | 'xref' | 'image' | 'font' | 'other';

/** Images and font programs are binary payloads that pdf.js text extraction never decodes; see pdf-inspector. */
export function streamKind(dict: string): StreamKind {
  if (/\/Type\s*\/ObjStm(?![\w#])/.test(dict)) return 'objstm';
  if (/\/Type\s*\/XRef(?![\w#])/.test(dict)) return 'xref';
  if (/\/Subtype\s*\/Image(?![\w#])/.test(dict)) return 'image';
  if (/\/Length[123]\s/.test(dict) || /\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType)(?![\w#])/.test(dict)) {
    return 'font';
  }
  return 'other';
}

export function hasPredictor(dict: string): boolean {
  const m = /\/Predictor\s+(\d+)/.exec(dict);
  return m !== null && Number(m[1]) > 1;
}

/** Objects stored in a decoded object stream, by object number (ISO 32000-1 §7.5.7). */
export function objectStreamObjects(dict: string, decoded: string): Map<number, string> {
  const out = new Map<number, string>();
  const n = Number(/\/N\s+(\d+)/.exec(dict)?.[1] ?? 0);
  const first = Number(/\/First\s+(\d+)/.exec(dict)?.[1] ?? 0);
  const header = decoded.slice(0, first).trim().split(/\s+/).map(Number);
  const count = Math.min(n, Math.floor(header.length / 2));
  for (let i = 0; i < count; i++) {
    const start = first + header[2 * i + 1];
    const end = i + 1 < count ? first + header[2 * i + 3] : decoded.length;
    if (Number.isFinite(start) && Number.isFinite(end) && end >= start) {
      out.set(header[2 * i], decoded.slice(start, end));
    }
  }
  return out;
}

/** The text of the last definition of `num gen obj` in syntax-only text (later updates override earlier). */
export function findIndirectObject(outside: string, num: number, gen: number): string | undefined {
  const re = new RegExp(`(?<!\\d)${num}\\s+${gen}\\s+obj(?![A-Za-z])`, 'g');
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(outside); m; m = re.exec(outside)) last = m;
  if (!last) return undefined;
  const start = last.index + last[0].length;
  const end = outside.indexOf('endobj', start);
  return outside.slice(start, end >= 0 ? end : undefined);
}

/** The balanced `<< … >>` starting at `at` (which must point at "<<"), or undefined when unbalanced. */
export function balancedDict(text: string, at: number): string | undefined {
  let depth = 0;
  for (let i = at; i < text.length - 1; i++) {
    if (text[i] === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (text[i] === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return text.slice(at, i + 1);
    }
  }
  return undefined;
}
