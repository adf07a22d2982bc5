import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from './child-process';

/**
 * OCR for scans (PDFs without a text layer) with the Debian tools: poppler-utils (pdftoppm) renders pages,
 * tesseract-ocr + tesseract-ocr-tha reads them. Both run as child processes with time limits, never in-process.
 */
export interface OcrOptions {
  /** Pages rendered from the start of the document (default 3: an order's names are on its first pages). */
  maxPages?: number;
  /** Limit per tool run (one render, one page of OCR). */
  stepTimeoutMs?: number;
  /** Limit for the whole OCR of a document; keep it below the sandbox's wall-clock limit. */
  totalTimeoutMs?: number;
  /** Parent directory for the temp files; the sandbox passes one it deletes even if the worker is killed. */
  workDir?: string;
  lang?: string;
}

export type OcrAvailability = { available: true } | { available: false; reason: string };

export type OcrResult =
  | { available: false; reason: string }
  | { available: true; ok: true; text: string; pages: number }
  | { available: true; ok: false; error: string };

let availability: Promise<OcrAvailability> | undefined;

/** Whether pdftoppm and tesseract with Thai are installed; probed once per thread (each sandbox worker probes). */
export function detectOcr(): Promise<OcrAvailability> {
  availability ??= probe();
  return availability;
}

async function probe(): Promise<OcrAvailability> {
  const langs = await attempt(runTool('tesseract', ['--list-langs'], 10_000));
  if (langs instanceof Error) return { available: false, reason: `tesseract: ${langs.message}` };
  // tesseract 4 lists languages on stderr, 5 on stdout.
  if (!/^tha$/m.test(`${langs.stdout}\n${langs.stderr}`)) {
    return { available: false, reason: 'tesseract has no Thai data (tesseract-ocr-tha)' };
  }
  const poppler = await attempt(runTool('pdftoppm', ['-v'], 10_000));
  if (poppler instanceof Error) return { available: false, reason: `pdftoppm: ${poppler.message}` };
  return { available: true };
}

function attempt<T>(p: Promise<T>): Promise<T | Error> {
  return p.catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
}

export async function ocrPdf(buf: Buffer, opts: OcrOptions = {}): Promise<OcrResult> {
  const ready = await detectOcr();
  if (!ready.available) return ready;
  const deadline = Date.now() + (opts.totalTimeoutMs ?? 90_000);
  const step = (): number => {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error('OCR time budget exhausted');
    return Math.min(opts.stepTimeoutMs ?? 60_000, left);
  };
  const dir = await mkdtemp(join(opts.workDir ?? tmpdir(), 'ocr-'));
  try {
    const input = join(dir, 'in.pdf');
    await writeFile(input, buf);
    // -scale-to caps the long side at A4 @ 200 dpi (2339 px) whatever the MediaBox claims: a page declared as
    // 200 inches square would otherwise render to gigabytes at -r 200.
    const last = String(opts.maxPages ?? 3);
    const render = ['-png', '-r', '200', '-scale-to', '2339', '-f', '1', '-l', last, input, join(dir, 'p')];
    await runTool('pdftoppm', render, step());
    const pngs = (await readdir(dir)).filter((f) => /^p-\d+\.png$/.test(f)).sort(byPageNumber);
    const texts: string[] = [];
    for (const png of pngs) {
      const out = await runTool(
        'tesseract',
        [join(dir, png), 'stdout', '-l', opts.lang ?? 'tha+eng'],
        step(),
      );
      texts.push(out.stdout);
    }
    return { available: true, ok: true, text: texts.join('\n'), pages: pngs.length };
  } catch (e: unknown) {
    return { available: true, ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function byPageNumber(a: string, b: string): number {
  return Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]);
}
