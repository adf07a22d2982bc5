import { performance } from 'node:perf_hooks';
import type { Recorder } from './stats';

interface QueueItem {
  id: string;
  version: number;
  document: { sha256: string } | null;
}
interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

export interface LoadOptions {
  baseUrl: string;
  tokens: string[];
  concurrency: number;
  seconds: number;
  searchWords: string[];
  recorder: Recorder;
  /** Share of requests that verify (default 0.2); 0 gives a read-only run. */
  verifyShare: number;
  /**
   * Mean pause of an officer between two requests (uniform 0..2×, ms). 0 (default) is a closed loop: every
   * officer fires its next request the moment the last one answers, a saturation test rather than people.
   */
  thinkMs?: number;
}

async function timed(
  recorder: Recorder,
  endpoint: string,
  url: string,
  init: RequestInit,
): Promise<{ status: number; text: string }> {
  const started = performance.now();
  let status = 0;
  let text = '';
  try {
    const res = await fetch(url, init);
    status = res.status;
    text = await res.text();
  } catch {
    // status stays 0: a failed connection counts as an error
  }
  recorder.add(endpoint, performance.now() - started, status);
  return { status, text };
}

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)];

/**
 * One simulated officer: mostly reads the queue (first pages, next pages, searches, filters) and
 * verifies an order it has just seen, like a person working through the list. 409s happen when two
 * officers of one province pick the same order.
 */
async function officer(options: LoadOptions, token: string, deadline: number): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const base = `${options.baseUrl}/api/review-queue`;
  let last: QueuePage = { items: [], nextCursor: null };
  const think = options.thinkMs ?? 0;
  while (Date.now() < deadline) {
    if (think > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * think));
    const r = Math.random() * (0.8 + options.verifyShare);
    if (r < 0.45 || last.items.length === 0) {
      const res = await timed(options.recorder, 'GET /review-queue', `${base}?limit=50`, { headers });
      if (res.status === 200) last = JSON.parse(res.text) as QueuePage;
    } else if (r < 0.55 && last.nextCursor) {
      const res = await timed(
        options.recorder,
        'GET /review-queue (next page)',
        `${base}?limit=50&cursor=${last.nextCursor}`,
        { headers },
      );
      if (res.status === 200) last = JSON.parse(res.text) as QueuePage;
    } else if (r < 0.7) {
      await timed(
        options.recorder,
        'GET /review-queue?q=',
        `${base}?limit=50&q=${encodeURIComponent(pick(options.searchWords))}`,
        { headers },
      );
    } else if (r < 0.8) {
      await timed(
        options.recorder,
        'GET /review-queue?findings&overdue',
        `${base}?limit=50&findings=true&overdue=true`,
        { headers },
      );
    } else {
      const item = pick(last.items);
      last.items = last.items.filter((i) => i !== item);
      if (!item.document) continue;
      await timed(
        options.recorder,
        'POST /orders/:id/verify',
        `${options.baseUrl}/api/orders/${item.id}/verify`,
        {
          method: 'POST',
          headers,
          body: JSON.stringify({ version: item.version, documentSha256: item.document.sha256 }),
        },
      );
    }
  }
}

export async function runLoad(options: LoadOptions): Promise<void> {
  const deadline = Date.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, (_, i) =>
      officer(options, options.tokens[i % options.tokens.length], deadline),
    ),
  );
}
