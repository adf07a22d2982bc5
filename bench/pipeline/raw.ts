import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import type { ExpectedOrder } from '../../src/documents/inspection/cross-check';
import { ocrPdf } from '../../src/documents/inspection/ocr';
import { extractPdf } from '../../src/documents/inspection/pdf-text';
import { sandboxedValidate } from '../../src/documents/inspection/sandboxed-validate';
import { validateDocument } from '../../src/documents/inspection/validate-document';

export interface RawFigures {
  /** pdf-parse alone (page count and text per page), in this thread: the baseline. */
  pdfParseDocsPerSec: number;
  /** validateDocument (structure scan, pdf-parse, cross-check) in this thread, one after another. */
  inlineDocsPerSec: number;
  /** sandboxedValidate (the warm thread pool, as the job uses it), `parallel` at a time. */
  sandboxDocsPerSec: number;
  rejected: number;
}

export async function rawThroughput(
  files: { pdf: Buffer; expected: ExpectedOrder }[],
  parallel: number,
): Promise<RawFigures> {
  let rejected = 0;
  let started = performance.now();
  for (const f of files) await extractPdf(f.pdf, { timeoutMs: 30_000 });
  const pdfParseDocsPerSec = files.length / ((performance.now() - started) / 1000);
  started = performance.now();
  for (const f of files) {
    const result = await validateDocument(f.pdf, f.expected, { ocr: false });
    if (result.verdict === 'rejected') rejected += 1;
  }
  const inlineDocsPerSec = files.length / ((performance.now() - started) / 1000);
  started = performance.now();
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++)
      await sandboxedValidate(files[i].pdf, files[i].expected);
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return {
    pdfParseDocsPerSec,
    inlineDocsPerSec,
    sandboxDocsPerSec: files.length / ((performance.now() - started) / 1000),
    rejected,
  };
}

/** OCR on its own (pdftoppm + tesseract tha+eng, as the validation runs it): pages per second. */
export async function ocrPagesPerSec(
  textPdfs: Buffer[],
): Promise<{ pages: number; pagesPerSec: number } | null> {
  const scans = await Promise.all(textPdfs.map(scanOf));
  let pages = 0;
  const started = performance.now();
  for (const scan of scans) {
    const result = await ocrPdf(scan, { maxPages: 1 });
    if (!result.available || !result.ok) return null;
    pages += result.pages;
  }
  return { pages, pagesPerSec: pages / ((performance.now() - started) / 1000) };
}

/** Page 1 rendered at 150 dpi grey and put back as an image-only page: a scan without a text layer. */
async function scanOf(pdf: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-scan-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await new Promise<void>((done, fail) =>
      execFile(
        'pdftoppm',
        [
          '-r',
          '150',
          '-gray',
          '-png',
          '-singlefile',
          '-f',
          '1',
          '-l',
          '1',
          join(dir, 'in.pdf'),
          join(dir, 'p'),
        ],
        (error) => (error ? fail(error) : done()),
      ),
    );
    const doc = await PDFDocument.create();
    const image = await doc.embedPng(await readFile(join(dir, 'p.png')));
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    return Buffer.from(await doc.save());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
