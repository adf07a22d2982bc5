import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { Account } from '../accounts/entities/account.entity';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config';
import { MailOutbox } from '../notifications/mail-outbox.service';
import { MAIL_SECRET_SLOT } from '../notifications/mail-secret';
import { setPasswordMail } from '../notifications/templates/set-password-mail';
import { SetPasswordToken, type SetPasswordPurpose } from './entities/set-password-token.entity';
import { TokenService } from './token.service';

export const LINK_TTL_MS = 72 * 60 * 60 * 1000;

/** Issues one-time set-password links (stored hashed, 72 h) and mails them through the outbox. */
@Injectable()
export class SetPasswordLinks {
  constructor(
    private readonly mail: MailOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Must run inside the caller's transaction; earlier unused links of the account stop working. */
  async issue(em: EntityManager, account: Account, purpose: SetPasswordPurpose): Promise<void> {
    await voidOpenLinks(em, account.id);
    const { token, hash } = TokenService.opaque();
    const expiresAt = new Date(Date.now() + LINK_TTL_MS);
    // The token rides in the fragment: browsers never send it to a server, a proxy log or a Referer.
    const link = `${this.config.publicBaseUrl}/set-password#token=${MAIL_SECRET_SLOT}`;
    const mail = this.mail.queue(em, {
      ...setPasswordMail({
        to: account.email,
        fullName: account.fullName,
        username: account.username,
        link,
        expiresAt,
        purpose,
        laoName: account.lao?.nameTh ?? null,
        provinceName: account.province?.nameTh ?? null,
        role: account.role,
      }),
      secret: token,
    });
    em.create(SetPasswordToken, { account, tokenHash: hash, purpose, expiresAt, mailId: mail.id });
  }
}

/** Links not yet used stop working (a newer link, or a password set another way). */
export async function voidOpenLinks(em: EntityManager, accountId: string): Promise<void> {
  await em.nativeUpdate(
    SetPasswordToken,
    { account: accountId, usedAt: null, voidedAt: null },
    { voidedAt: new Date() },
  );
}
