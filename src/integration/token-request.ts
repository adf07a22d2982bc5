import type { Request } from 'express';
import { CommonErrors } from '../common/errors/common-errors';
import type { TokenRequest } from './oauth-token.service';

const FORM_LIMIT = 8 * 1024;

/**
 * The token request from a form body (RFC 6749's own encoding) or JSON, with the client's credentials
 * from HTTP Basic (RFC 6749 §2.3.1: each part form-url-encoded) or the body.
 */
export async function readTokenRequest(request: Request): Promise<TokenRequest> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  let fields: Record<string, string | undefined> = {};
  if (type === 'application/x-www-form-urlencoded') {
    const params = new URLSearchParams(await readBody(request));
    fields = Object.fromEntries(params.entries());
  } else if (type === 'application/json') {
    fields = stringFields(request.body);
  } else if (type) {
    throw CommonErrors.UNSUPPORTED_MEDIA_TYPE({
      accepted: ['application/x-www-form-urlencoded', 'application/json'],
    });
  }
  const basic = basicCredentials(request.headers.authorization);
  return {
    grantType: fields.grant_type,
    clientId: basic?.id ?? fields.client_id,
    clientSecret: basic?.secret ?? fields.client_secret,
    scope: fields.scope,
  };
}

function stringFields(body: unknown): Record<string, string | undefined> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    return null;
  }
}

async function readBody(request: Request): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT) throw CommonErrors.PAYLOAD_TOO_LARGE({ limit: FORM_LIMIT });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
