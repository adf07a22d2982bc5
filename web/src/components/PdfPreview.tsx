import { Alert, Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../api/errors';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

const MAX_PAGES = 50;
/** Sharper than 1:1 on high-density screens, but a tablet at 3x would make canvases of tens of MB per page. */
const MAX_PIXEL_RATIO = 2;

/**
 * Renders every page of a PDF into canvases with pdf.js, loaded on first use. The worker is a file of
 * our own origin (CSP worker-src 'self'); eval and WebAssembly are off.
 */
export function PdfPreview({ load, label }: { load: () => Promise<Blob>; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    const el = host.current;
    let cancelled = false;
    let destroy: (() => Promise<void>) | null = null;
    // A new document (or label): forget the previous one's page count, error and painted state.
    setRendered(false);
    setPages(null);
    setError(null);
    void (async () => {
      try {
        const [pdfjs, blob] = await Promise.all([import('pdfjs-dist'), load()]);
        pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
        const task = pdfjs.getDocument({
          data: new Uint8Array(await blob.arrayBuffer()),
          isEvalSupported: false,
          useWasm: false,
        });
        destroy = () => task.destroy();
        const doc = await task.promise;
        if (cancelled || !el) return;
        const count = Math.min(doc.numPages, MAX_PAGES);
        setPages(doc.numPages);
        const width = Math.max(280, el.clientWidth - 2);
        const ratio = Math.min(window.devicePixelRatio || 1, MAX_PIXEL_RATIO);
        for (let n = 1; n <= count && !cancelled; n++) {
          const page = await doc.getPage(n);
          // Unmounted or rerun while the page loaded: draw nothing into a host that is no longer ours.
          if (cancelled) return;
          const base = page.getViewport({ scale: 1 });
          const viewport = page.getViewport({ scale: (width / base.width) * ratio });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.style.width = `${width}px`;
          canvas.className = 'pdf-page';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `${label} หน้า ${n} จาก ${doc.numPages}`);
          el.appendChild(canvas);
          await page.render({ canvas, viewport }).promise;
        }
        if (!cancelled) setRendered(true);
      } catch (e) {
        if (!cancelled) setError(errorText(e));
      }
    })();
    return () => {
      cancelled = true;
      void destroy?.();
      el?.replaceChildren();
    };
  }, [load, label]);

  return (
    <div className="pdf-preview">
      {error && <Alert type="error" showIcon title="แสดงตัวอย่างเอกสารไม่ได้" description={error} role="alert" />}
      {pages === null && !error && <Skeleton.Node active style={{ width: '100%', height: 420 }} />}
      {/* data-rendered: every page is drawn (a canvas is in the page before pdf.js paints it). */}
      <div
        ref={host}
        className="pdf-pages"
        data-pages={pages ?? undefined}
        data-rendered={rendered || undefined}
        aria-busy={!rendered && !error}
      />
    </div>
  );
}
