import { reject, type Rejection } from './codes';
import { describeFormat, isPdfWhitespace } from './magic';
import { evaluateOpenAction, type ObjectResolver } from './open-action';
import {
  filterChain,
  findIndirectObject,
  hasPredictor,
  locateStreams,
  objectStreamObjects,
  pdfNames,
  streamKind,
  type PdfStream,
} from './pdf-syntax';
import { DecodeBudget, decodeStream } from './stream-decode';

/**
 * Structural checks on the raw bytes, before any PDF library sees them (pdf.js is a large attack surface and
 * happily parses what we must refuse). Runs without pdf.js, synchronously, inside the sandbox worker.
 */
export type StructuralVerdict = { ok: true } | Rejection;

export interface InspectOptions {
  /** Total bytes all inspected streams may inflate to; more is a "zip bomb" → DOCUMENT_TOO_COMPLEX. */
  inflateBudgetBytes?: number;
  maxStreams?: number;
}

export const DEFAULT_INFLATE_BUDGET = 50 * 1024 * 1024;
const DEFAULT_MAX_STREAMS = 100_000;

/** Names that make a PDF do something beyond displaying pages. /EF and /FileAttachment also carry embedded files. */
const ACTIVE_NAMES: ReadonlySet<string> = new Set([
  'JavaScript',
  'JS',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'EF',
  'FileAttachment',
  'AA',
  'XFA',
  'RichMedia',
]);

export function inspectPdfBytes(buf: Buffer, opts: InspectOptions = {}): StructuralVerdict {
  if (buf.length === 0 || isPdfWhitespace(buf)) return reject('DOCUMENT_EMPTY', 'no bytes');
  if (buf.toString('latin1', 0, 5) !== '%PDF-') {
    return reject('DOCUMENT_NOT_PDF', `no %PDF- header at offset 0 (${describeFormat(buf)})`);
  }
  const eof = buf.lastIndexOf('%%EOF');
  if (eof < 0) return reject('DOCUMENT_CORRUPT', 'no %%EOF marker: truncated or not a PDF');
  const tail = buf.subarray(eof + 5);
  if (!isPdfWhitespace(tail)) {
    return reject('DOCUMENT_POLYGLOT', `${tail.length} bytes after the last %%EOF (${describeFormat(tail)})`);
  }

  const text = buf.toString('latin1');
  const layout = locateStreams(text, opts.maxStreams ?? DEFAULT_MAX_STREAMS);
  if (layout === 'too-many') return reject('DOCUMENT_TOO_COMPLEX', 'too many streams');
  // ZIP signatures in the syntax (outside stream bodies) mean another container is interleaved with the PDF.
  if (layout.outside.includes('PK\x03\x04') || layout.outside.includes('PK\x05\x06')) {
    return reject('DOCUMENT_POLYGLOT', 'ZIP signature outside any stream');
  }

  const openActions: string[] = [];
  const found = scanNames(layout.outside, 'document syntax', openActions);
  if (found) return found;

  const objects = new Map<number, string>();
  const budget = new DecodeBudget(opts.inflateBudgetBytes ?? DEFAULT_INFLATE_BUDGET);
  for (const stream of layout.streams) {
    const decoded = inspectStream(buf, stream, budget);
    if (typeof decoded !== 'string') {
      if (decoded) return decoded;
      continue;
    }
    const kind = streamKind(stream.dict);
    const hit = scanNames(decoded, kind === 'objstm' ? 'object stream' : 'stream', openActions);
    if (hit) return hit;
    if (kind === 'objstm') objectStreamObjects(stream.dict, decoded).forEach((v, k) => objects.set(k, v));
  }

  const resolve: ObjectResolver = (num, gen) =>
    objects.get(num) ?? findIndirectObject(layout.outside, num, gen);
  for (const value of openActions) {
    const problem = evaluateOpenAction(value, resolve);
    if (problem) return reject('DOCUMENT_ACTIVE_CONTENT', problem);
  }
  return { ok: true };
}

/**
 * Decodes one stream under the budget: its latin1 text when its names matter, undefined when not, or a rejection.
 * - Images are neither inflated nor scanned: text extraction never decodes them, pdftoppm (OCR) reads only the
 *   width × height it needs, and a scan's images legitimately inflate far past any useful budget.
 * - Font programs and xref streams are inflated (pdf.js decodes them while extracting text, into buffers outside
 *   the worker's V8 heap limit, so a bomb there must be caught here) but not scanned: names in them are inert
 *   and their binary content gives false hits.
 * - Object streams are always decoded whatever else their dictionary says, and must decode cleanly: they hold the
 *   objects themselves.
 */
function inspectStream(buf: Buffer, stream: PdfStream, budget: DecodeBudget): string | Rejection | undefined {
  const kind = streamKind(stream.dict);
  if (kind === 'image') return undefined;
  const filters = filterChain(stream.dict);
  if (kind === 'objstm' && hasPredictor(stream.dict)) {
    return reject('DOCUMENT_TOO_COMPLEX', 'object stream with a predictor cannot be inspected');
  }
  const result = decodeStream(buf.subarray(stream.dataStart, stream.dataEnd), filters, budget);
  switch (result.kind) {
    case 'ok':
      return kind === 'font' || kind === 'xref' ? undefined : result.data.toString('latin1');
    case 'over-budget':
      return reject('DOCUMENT_TOO_COMPLEX', 'streams inflate past the inspection budget (compression bomb)');
    case 'unsupported':
      return kind === 'objstm'
        ? reject('DOCUMENT_TOO_COMPLEX', `object stream uses unsupported filter ${result.filter}`)
        : undefined;
    case 'error':
      return kind === 'objstm' ? reject('DOCUMENT_CORRUPT', `object stream: ${result.message}`) : undefined;
  }
}

/** First forbidden name in `text`; /OpenAction values are collected for evaluation once all objects are known. */
function scanNames(text: string, where: string, openActions: string[]): Rejection | undefined {
  for (const { name, end } of pdfNames(text)) {
    if (name === 'Encrypt') return reject('DOCUMENT_ENCRYPTED', `/Encrypt in ${where}`);
    if (ACTIVE_NAMES.has(name)) return reject('DOCUMENT_ACTIVE_CONTENT', `/${name} in ${where}`);
    if (name === 'OpenAction') openActions.push(text.slice(end, end + 4096));
  }
  return undefined;
}
