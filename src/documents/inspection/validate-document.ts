import { normalizeThai } from '../text/thai-text';
import { REJECTION_MESSAGES, type RejectionCode } from './codes';
import { crossCheck, type ExpectedOrder, type Finding } from './cross-check';
import { ocrPdf, type OcrOptions, type OcrResult } from './ocr';
import { inspectPdfBytes, type InspectOptions } from './pdf-inspector';
import { extractPdf } from './pdf-text';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** Below this many characters of normalised text a PDF has no usable text layer (a scan, or a blank page). */
export const MIN_TEXT_CHARS = 20;

export type Verdict = 'valid' | 'needs_manual_check' | 'rejected';

export interface DocumentRejection {
  code: RejectionCode;
  /** Thai, for the admin. */
  message: string;
  messageEn: string;
  /** Technical English, for logs and the reviewer. */
  detail: string;
}

export interface ValidationResult {
  verdict: Verdict;
  rejection?: DocumentRejection;
  pages?: number;
  /** Characters of normalised text that the cross-check saw (after OCR when OCR ran). */
  textLength?: number;
  ocr: boolean;
  findings: Finding[];
}

export interface ValidateOptions {
  maxBytes?: number;
  maxPages?: number;
  parseTimeoutMs?: number;
  inspect?: InspectOptions;
  /** false disables OCR (scans then need a manual check). */
  ocr?: OcrOptions | false;
}

export function rejected(code: RejectionCode, detail: string): ValidationResult {
  const { th, en } = REJECTION_MESSAGES[code];
  return {
    verdict: 'rejected',
    rejection: { code, message: th, messageEn: en, detail },
    ocr: false,
    findings: [],
  };
}

/**
 * The whole validation of one upload, in order: size, structure (raw bytes), parse (pdf.js), text or OCR,
 * cross-check. Structural and parse problems reject; findings never do. Run it through `sandboxedValidate`:
 * this function trusts its own budgets only as far as they go, the sandbox enforces time and memory.
 */
export async function validateDocument(
  buf: Buffer,
  expected: ExpectedOrder,
  opts: ValidateOptions = {},
): Promise<ValidationResult> {
  const maxBytes = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (buf.length > maxBytes) return rejected('DOCUMENT_TOO_LARGE', `${buf.length} bytes (max ${maxBytes})`);

  const structure = inspectPdfBytes(buf, opts.inspect);
  if (!structure.ok) return rejected(structure.code, structure.detail);

  const parsed = await extractPdf(buf, { timeoutMs: opts.parseTimeoutMs ?? 20_000, maxPages: opts.maxPages });
  if (!parsed.ok) return rejected(parsed.code, parsed.detail);
  const pages = parsed.pages;

  const text = normalizeThai(parsed.pageTexts.join('\n'));
  if (text.length >= MIN_TEXT_CHARS) {
    return {
      verdict: 'valid',
      pages,
      textLength: text.length,
      ocr: false,
      findings: crossCheck(text, expected),
    };
  }

  // No text layer: a scan. Without readable text a cross-check would only report everything as missing, so
  // the findings then say why a person has to read the document instead.
  const ocr: OcrResult =
    opts.ocr === false ? { available: false, reason: 'OCR disabled' } : await ocrPdf(buf, opts.ocr ?? {});
  if (!ocr.available) return manual(pages, text.length, false, 'OCR_UNAVAILABLE');
  if (!ocr.ok) return manual(pages, text.length, true, 'OCR_FAILED');
  const ocrText = normalizeThai(ocr.text);
  if (ocrText.length < MIN_TEXT_CHARS) return manual(pages, ocrText.length, true, 'TEXT_TOO_THIN');
  return {
    verdict: 'valid',
    pages,
    textLength: ocrText.length,
    ocr: true,
    findings: crossCheck(ocrText, expected, { ocr: true }),
  };
}

function manual(
  pages: number,
  textLength: number,
  ocr: boolean,
  code: 'OCR_UNAVAILABLE' | 'OCR_FAILED' | 'TEXT_TOO_THIN',
): ValidationResult {
  return { verdict: 'needs_manual_check', pages, textLength, ocr, findings: [{ code, severity: 'warn' }] };
}
