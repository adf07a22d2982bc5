export interface Sample {
  ms: number;
  status: number;
}

export class Recorder {
  readonly samples = new Map<string, Sample[]>();

  add(endpoint: string, ms: number, status: number): void {
    const list = this.samples.get(endpoint) ?? [];
    list.push({ ms, status });
    this.samples.set(endpoint, list);
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export interface Row {
  endpoint: string;
  count: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  conflicts: number;
  errors: number;
}

/** 409 is an expected answer under contention (someone verified first); anything else not 2xx is an error. */
export function summarize(recorder: Recorder, seconds: number): Row[] {
  return [...recorder.samples.entries()].map(([endpoint, list]) => {
    const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
    return {
      endpoint,
      count: list.length,
      rps: list.length / seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? NaN,
      conflicts: list.filter((s) => s.status === 409).length,
      errors: list.filter((s) => s.status !== 409 && (s.status < 200 || s.status >= 300)).length,
    };
  });
}

export function printTable(rows: Row[]): void {
  const fmt = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '-');
  console.log(
    ['endpoint'.padEnd(34), 'count', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', '409s', 'errors'].join(
      '\t',
    ),
  );
  for (const r of rows) {
    console.log(
      [
        r.endpoint.padEnd(34),
        r.count,
        fmt(r.rps),
        fmt(r.p50),
        fmt(r.p95),
        fmt(r.p99),
        fmt(r.max),
        r.conflicts,
        r.errors,
      ].join('\t'),
    );
  }
}
