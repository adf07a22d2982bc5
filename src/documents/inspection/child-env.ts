/**
 * The environment of whatever parses hostile documents (pdftoppm, tesseract, the validation threads): enough
 * to find and run the tools, and nothing else. The process's own environment holds the JWT secret, database,
 * S3 and SMTP credentials; a parser bug exploited by a crafted PDF must find none of them.
 */
const PASSED_THROUGH = ['PATH', 'LANG', 'TESSDATA_PREFIX'] as const;

export function childEnv(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = source[name];
    if (value) env[name] = value;
  }
  env.PATH ??= '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  // One OpenMP thread per tesseract: the workers already run documents in parallel.
  env.OMP_THREAD_LIMIT = '1';
  return env;
}
