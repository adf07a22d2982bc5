import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerEntryPath } from '../../src/documents/inspection/sandboxed-validate';
import type { ValidationResult } from '../../src/documents/inspection/validate-document';
import { ValidationPool } from '../../src/documents/inspection/validation-pool';
import { EXPECTED_ORDER, PDF_FIXTURES } from '../fixtures/pdf-factory';

const fixture = (name: string): Promise<Buffer> => {
  const f = PDF_FIXTURES.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f.build();
};

/** The warm pool behind sandboxedValidate: threads are reused, budgets stay per document. */
describe('ValidationPool', () => {
  const pools: ValidationPool[] = [];
  const pool = (size: number, maxOldGenerationSizeMb = 256): ValidationPool => {
    const p = new ValidationPool({
      entry: workerEntryPath(),
      size,
      maxOldGenerationSizeMb,
      maxYoungGenerationSizeMb: 32,
    });
    pools.push(p);
    return p;
  };
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  const validate = (p: ValidationPool, pdf: Buffer, timeoutMs = 60_000): Promise<ValidationResult> =>
    p.validate({ bytes: new Uint8Array(pdf), expected: EXPECTED_ORDER, opts: { ocr: false } }, timeoutMs);

  it('reuses one warm thread for document after document', async () => {
    const p = pool(1);
    const pdf = await fixture('order with Arabic digits');
    for (let i = 0; i < 3; i += 1) expect((await validate(p, pdf)).verdict).toBe('valid');
    expect(p.threads).toBe(1);
  });

  it('a document over its wall-clock budget is rejected once and does not break the next one', async () => {
    // One thread: the next document can only be served by the thread that replaced the killed one.
    const p = pool(1);
    const pdf = await fixture('order with Thai digits');
    expect((await validate(p, pdf)).verdict).toBe('valid'); // warm
    const [slow, next, after] = await Promise.all([
      validate(p, await fixture('30 pages'), 1),
      validate(p, pdf),
      validate(p, pdf),
    ]);
    expect(slow).toMatchObject({ verdict: 'rejected', rejection: { code: 'DOCUMENT_TOO_COMPLEX' } });
    expect(slow.rejection?.detail).toMatch(/exceeded 1 ms/);
    expect(next.verdict).toBe('valid');
    expect(after.verdict).toBe('valid');
    // Its fresh-thread retry ran after the others and was killed too: never more than one thread.
    expect(p.threads).toBeLessThanOrEqual(1);
    expect((await validate(p, pdf)).verdict).toBe('valid');
  });

  it('a document over its heap budget is rejected and the pool keeps serving', async () => {
    // 8 MB of old generation is less than pdf.js itself needs: every attempt dies of OOM, none hangs the pool.
    const p = pool(1, 8);
    const pdf = await fixture('30 pages');
    const results = await Promise.all([validate(p, pdf), validate(p, pdf)]);
    for (const r of results) {
      expect(r).toMatchObject({ verdict: 'rejected', rejection: { code: 'DOCUMENT_TOO_COMPLEX' } });
      expect(r.rejection?.detail).toMatch(/heap/);
    }
  });

  it('a killed thread does not disturb the document running on the other thread', async () => {
    const p = pool(2);
    const pdf = await fixture('order with Arabic digits');
    await Promise.all([validate(p, pdf), validate(p, pdf)]); // two warm threads
    const [killed, healthy] = await Promise.all([
      validate(p, await fixture('30 pages'), 1),
      validate(p, pdf),
    ]);
    expect(killed.rejection?.code).toBe('DOCUMENT_TOO_COMPLEX');
    expect(healthy.verdict).toBe('valid');
  });

  it('fails documents still waiting when it is closed', async () => {
    const p = pool(1);
    const pdf = await fixture('order with Arabic digits');
    const outcomes = Promise.allSettled([validate(p, pdf), validate(p, pdf)]);
    await p.close();
    for (const outcome of await outcomes) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { name: 'SandboxError' } });
    }
    await expect(validate(p, pdf)).rejects.toThrow(/closed/);
  });

  describe('a budget overrun on a reused thread', () => {
    /**
     * A protocol-compatible stand-in for validate-worker.js whose behaviour the document's text picks:
     * "ok" answers; "stuck" never answers; "stuck-when-reused" never answers on a thread that served before,
     * the way leftovers of earlier documents can stall an innocent one.
     */
    const scriptedEntry = (): string => {
      const file = join(mkdtempSync(join(tmpdir(), 'pool-')), 'scripted-worker.js');
      writeFileSync(
        file,
        `const { parentPort } = require('node:worker_threads');
         let served = 0;
         parentPort.on('message', (task) => {
           const text = Buffer.from(task.input.bytes).toString();
           served += 1;
           if (text === 'stuck' || (text === 'stuck-when-reused' && served > 1)) return;
           const result = { verdict: 'valid', detail: 'served ' + served };
           parentPort.postMessage({ type: 'result', id: task.id, reply: { ok: true, result }, heapUsedMb: 1 });
         });
         parentPort.postMessage({ type: 'ready' });`,
      );
      return file;
    };
    const scripted = (): ValidationPool => {
      const p = new ValidationPool({
        entry: scriptedEntry(),
        size: 1,
        maxOldGenerationSizeMb: 64,
        maxYoungGenerationSizeMb: 16,
      });
      pools.push(p);
      return p;
    };
    const send = (p: ValidationPool, text: string, timeoutMs = 400): Promise<ValidationResult> =>
      p.validate(
        { bytes: new Uint8Array(Buffer.from(text)), expected: EXPECTED_ORDER, opts: { ocr: false } },
        timeoutMs,
      );

    it('gets one more try on a fresh thread, so leftovers of earlier documents do not reject it', async () => {
      const p = scripted();
      expect((await send(p, 'ok')).verdict).toBe('valid');
      const retried = await send(p, 'stuck-when-reused');
      expect(retried).toMatchObject({ verdict: 'valid', detail: 'served 1' }); // the fresh thread's first
      expect(p.threadsStarted).toBe(2);
    });

    it('a document that overruns on the fresh thread too is rejected once, and the next one is served', async () => {
      const p = scripted();
      expect((await send(p, 'ok')).verdict).toBe('valid');
      const stuck = await send(p, 'stuck');
      expect(stuck).toMatchObject({ verdict: 'rejected', rejection: { code: 'DOCUMENT_TOO_COMPLEX' } });
      expect(p.threadsStarted).toBe(2); // the reused thread, then one fresh try
      expect((await send(p, 'ok')).verdict).toBe('valid');
    });

    it('waits behind the documents already waiting: retries run in a lane of their own, after them', async () => {
      const p = scripted();
      expect((await send(p, 'ok')).verdict).toBe('valid');
      const finished: string[] = [];
      const track = (name: string, result: Promise<ValidationResult>) =>
        result.then((r) => {
          finished.push(name);
          return r;
        });
      const [retried] = await Promise.all([
        track('overran once', send(p, 'stuck-when-reused')),
        track('first waiting', send(p, 'ok')),
        track('second waiting', send(p, 'ok')),
      ]);
      expect(retried).toMatchObject({ verdict: 'valid', detail: 'served 1' }); // on a fresh thread
      expect(finished).toEqual(['first waiting', 'second waiting', 'overran once']);
    });

    it('on a thread that served nothing before, the verdict is final', async () => {
      const p = scripted();
      const stuck = await send(p, 'stuck');
      expect(stuck.rejection?.code).toBe('DOCUMENT_TOO_COMPLEX');
      expect(p.threadsStarted).toBe(1);
    });
  });
});
