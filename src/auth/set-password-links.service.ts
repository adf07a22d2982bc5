import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { Account } from '../accounts/entities/account.entity';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config';
import { MailOutbox } from '../notifications/mail-outbox.service';
import { setPasswordMail } from '../notifications/templates/set-password-mail';
import { SetPasswordToken } from './entities/set-password-token.entity';
import { TokenService } from './token.service';

const LINK_TTL_MS = 72 * 60 * 60 * 1000;

/** Issues one-time set-password links (stored hashed, 72 h) and mails them through the outbox. */
@Injectable()
export class SetPasswordLinks {
  constructor(
    private readonly mail: MailOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Must run inside the caller's transaction; earlier unused links of the account stop working. */
  async issue(em: EntityManager, account: Account, purpose: SetPasswordToken['purpose']): Promise<void> {
    await em.nativeUpdate(SetPasswordToken, { account, usedAt: null }, { usedAt: new Date() });
    const { token, hash } = TokenService.opaque();
    const expiresAt = new Date(Date.now() + LINK_TTL_MS);
    em.create(SetPasswordToken, { account, tokenHash: hash, purpose, expiresAt });
    const link = `${this.config.publicBaseUrl}/set-password?token=${encodeURIComponent(token)}`;
    this.mail.queue(
      em,
      setPasswordMail({
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
    );
  }
}
