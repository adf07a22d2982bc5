import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from '../../src/documents/inspection/child-process';
import { ValidationPool } from '../../src/documents/inspection/validation-pool';
import { EXPECTED_ORDER } from '../fixtures/pdf-factory';

const ALLOWED = ['PATH', 'LANG', 'OMP_THREAD_LIMIT', 'TESSDATA_PREFIX'];
const SECRETS = {
  JWT_SECRET: 'jwt-secret-the-children-must-not-see-0123456789',
  DATABASE_URL: 'postgresql://dla:db-secret@db:5432/dla',
  S3_SECRET_KEY: 's3-secret-the-children-must-not-see',
  SMTP_URL: 'smtp://mailer:smtp-secret@mail:25',
  BOOTSTRAP_ADMIN_PASSWORD: 'Bootstrap-Secret-2569',
};

/** Children and threads that parse hostile PDFs get PATH, LANG, OMP_THREAD_LIMIT, TESSDATA_PREFIX and no more. */
describe('the environment of document parsers', () => {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [name, value] of Object.entries({
      ...SECRETS,
      TESSDATA_PREFIX: '/srv/tessdata',
      LANG: 'C.UTF-8',
    })) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const expectMinimal = (env: Record<string, string>): void => {
    expect(Object.keys(env).filter((name) => !ALLOWED.includes(name))).toEqual([]);
    const text = JSON.stringify(env);
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
    expect(env).toMatchObject({ OMP_THREAD_LIMIT: '1', TESSDATA_PREFIX: '/srv/tessdata', LANG: 'C.UTF-8' });
    expect(env.PATH).toBe(process.env.PATH);
  };

  it('runTool (pdftoppm, tesseract) passes only the minimal environment', async () => {
    const { stdout } = await runTool(
      process.execPath,
      ['-e', 'process.stdout.write(JSON.stringify(process.env))'],
      10_000,
    );
    expectMinimal(JSON.parse(stdout) as Record<string, string>);
  });

  it('the validation threads see the same minimal environment', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pool-env-')), 'env-worker.js');
    writeFileSync(
      file,
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (task) => {
         const result = { verdict: 'valid', detail: JSON.stringify(process.env) };
         parentPort.postMessage({ type: 'result', id: task.id, reply: { ok: true, result }, heapUsedMb: 1 });
       });
       parentPort.postMessage({ type: 'ready' });`,
    );
    const pool = new ValidationPool({
      entry: file,
      size: 1,
      maxOldGenerationSizeMb: 64,
      maxYoungGenerationSizeMb: 16,
    });
    try {
      const bytes = new Uint8Array(Buffer.from('%PDF-'));
      const result = await pool.validate({ bytes, expected: EXPECTED_ORDER, opts: { ocr: false } }, 10_000);
      // The stand-in worker's result travels back as posted, its extra field included.
      const { detail } = result as typeof result & { detail?: string };
      expectMinimal(JSON.parse(String(detail)) as Record<string, string>);
    } finally {
      await pool.close();
    }
  });
});
