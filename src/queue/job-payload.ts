import { JOB_CATALOGUE, type JobName, type JobPayload, type PayloadFieldKind } from './job-catalogue';

/** Raised when job data does not match the catalogue; retrying cannot fix it. */
export class InvalidJobPayloadError extends Error {
  constructor(name: JobName, problems: string[]) {
    super(`Invalid payload for job "${name}": ${problems.join('; ')}`);
    this.name = 'InvalidJobPayloadError';
  }
}

function hasKind(value: unknown, kind: PayloadFieldKind): boolean {
  if (kind === 'string') return typeof value === 'string' && value.length > 0;
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'boolean';
}

/**
 * Checks data read from Redis (or the outbox) against the catalogue and keeps only the declared
 * fields, so a handler never sees more than its type says.
 */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvalidJobPayloadError(name, ['payload is not an object']);
  }
  const spec: Readonly<Record<string, PayloadFieldKind>> = JOB_CATALOGUE[name].payload;
  const source = data as Record<string, unknown>;
  const problems: string[] = [];
  const payload: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(spec)) {
    if (hasKind(source[field], kind)) payload[field] = source[field];
    else problems.push(`${field} must be a ${kind === 'string' ? 'non-empty string' : kind}`);
  }
  if (problems.length > 0) throw new InvalidJobPayloadError(name, problems);
  // Every declared field was checked above, so the object now has the catalogue's shape.
  return payload as JobPayload<N>;
}
