import { readdirSync, readFileSync } from 'node:fs';
import type { Client } from 'pg';

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

/**
 * CPU time (ms) used so far by the calling process's main thread, from /proc (Linux; NaN elsewhere).
 * Event-loop utilisation counts time a thread waits for a core as busy; this does not.
 */
export function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), i.e. 11 and 12 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** CPU time (ms) used so far by process `pid`, all its threads (Linux; NaN elsewhere). */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/**
 * CPU time (ms) used so far by each PostgreSQL backend serving database `db`, by pid (Linux, server on
 * this machine; NaN elsewhere). Other databases' backends (test runs sharing the machine) are not counted.
 */
export async function postgresCpuMs(admin: Client, db: string): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [
    db,
  ]);
  return new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
}

/** CPU used between two `postgresCpuMs` snapshots by the backends alive at the second (new ones in full). */
export function postgresCpuSince(start: Map<number, number>, end: Map<number, number>): number {
  let ms = 0;
  for (const [pid, now] of end) ms += now - (start.get(pid) ?? 0);
  return ms;
}

/** CPU time (ms) used so far by every local process whose command name (comm) is `command`, e.g. `redis-server`. */
export function commandCpuMs(command: string): number {
  try {
    let ms = 0;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === command) ms += processCpuMs(Number(pid));
      } catch {
        // gone meanwhile
      }
    }
    return ms;
  } catch {
    return NaN;
  }
}
