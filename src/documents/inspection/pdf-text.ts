import { PasswordException, PDFParse } from 'pdf-parse';
import { reject, type Rejection } from './codes';

export interface ExtractOptions {
  /** Wall-clock limit for opening and extracting; the sandbox adds a hard limit around the whole validation. */
  timeoutMs: number;
  maxPages?: number;
}

export interface PdfExtraction {
  ok: true;
  pages: number;
  /** Raw text per page, in page order (not normalised). */
  pageTexts: string[];
}

export const MAX_PAGES = 50;

class ExtractTimeout extends Error {
  override name = 'ExtractTimeout';
}

/**
 * Page count and text per page with pdf-parse 2.x (pdf.js). The page count is checked before any text is
 * extracted, so a 10,000-page document costs one xref parse, not 10,000 page parses.
 */
export async function extractPdf(buf: Buffer, opts: ExtractOptions): Promise<PdfExtraction | Rejection> {
  const maxPages = opts.maxPages ?? MAX_PAGES;
  const parser = new PDFParse({
    // A copy: pdf.js may take ownership of (detach) the array it is given.
    data: new Uint8Array(buf),
    // Never compile PDF functions into JS, and never reach for fonts or files outside the document.
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new ExtractTimeout(`no result within ${opts.timeoutMs} ms`)),
      opts.timeoutMs,
    );
  });
  try {
    return await Promise.race([run(parser, maxPages), deadline]);
  } catch (e: unknown) {
    return mapError(e);
  } finally {
    clearTimeout(timer);
    await parser.destroy().catch(() => undefined);
  }
}

async function run(parser: PDFParse, maxPages: number): Promise<PdfExtraction | Rejection> {
  const info = await parser.getInfo();
  // An owner-password-only PDF opens without a password; pdf.js still reports its /Encrypt filter.
  const encryptFilter: unknown = (info.info as Record<string, unknown> | undefined)?.EncryptFilterName;
  if (typeof encryptFilter === 'string' && encryptFilter) {
    return reject('DOCUMENT_ENCRYPTED', `encrypted with ${encryptFilter}`);
  }
  if (info.total === 0) return reject('DOCUMENT_EMPTY', 'the PDF has no pages');
  if (info.total > maxPages)
    return reject('DOCUMENT_TOO_MANY_PAGES', `${info.total} pages (max ${maxPages})`);
  const text = await parser.getText({ pageJoiner: '' });
  const byNumber = new Map(text.pages.map((p) => [p.num, p.text]));
  const pageTexts = Array.from({ length: info.total }, (_, i) => byNumber.get(i + 1) ?? '');
  return { ok: true, pages: info.total, pageTexts };
}

/**
 * pdf-parse's class names are minified (docs/STACK.md): classify by instanceof or by `name`, which it sets
 * explicitly; everything pdf.js cannot parse (InvalidPDFException, FormatError, …) is a corrupt document.
 */
function mapError(e: unknown): Rejection {
  const name = e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof PasswordException || name === 'PasswordException')
    return reject('DOCUMENT_ENCRYPTED', message);
  if (name === 'ExtractTimeout') return reject('DOCUMENT_TOO_COMPLEX', message);
  return reject('DOCUMENT_CORRUPT', `${name || 'error'}: ${message}`);
}
