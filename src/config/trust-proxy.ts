import { isIP } from 'node:net';

/** Express's `trust proxy`: a hop count, or addresses / CIDR ranges / Express's named ranges. */
export type TrustProxy = number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: which hops may set X-Forwarded-For (the client address the login throttle keys on).
 * Default loopback (a proxy on the same host). Behind a TLS proxy on another host, name its address
 * or range ("10.0.0.5", "10.0.0.0/8, loopback") or the number of proxies in front ("1").
 */
export function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  const value = raw?.trim();
  if (!value) return ['loopback'];
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 10) return hops;
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (entries.length === 0 || bad.length > 0) {
    problems.push(
      `TRUST_PROXY must be a hop count (0-10) or a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal (got "${value}")`,
    );
    return ['loopback'];
  }
  return entries;
}
