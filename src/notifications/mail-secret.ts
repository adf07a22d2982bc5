import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Where a mail's secret (a set-password token, a temporary password) goes in its stored text and
 * HTML. The row keeps this slot; the secret itself is kept encrypted beside it, put in at send time
 * and erased once the mail is sent or has failed for good (issue 9: secrets never rest in clear).
 */
export const MAIL_SECRET_SLOT = '{{secret}}';

/** AES-256-GCM with a key derived from the JWT secret (HKDF, its own label), so no new variable to lose. */
@Injectable()
export class MailSecretBox {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'jwt'>) {
    this.key = Buffer.from(hkdfSync('sha256', config.jwt.secret, '', 'digital-dla/mail-secret/v1', 32));
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown mail secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}

/** The mail as sent: the slot filled with the secret (a mail without a secret is sent as stored). */
export function fillSecret<T extends string | null | undefined>(body: T, secret: string | null): T {
  if (secret === null || typeof body !== 'string') return body;
  return body.split(MAIL_SECRET_SLOT).join(secret) as T;
}
