import { hash, verify, type Options } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

/**
 * argon2id with the OWASP parameters (19 MiB, t=2, p=1). `Algorithm` is a const enum that swc
 * cannot inline, so the value is spelled out: 2 = Argon2id (also the library default).
 */
const ARGON2ID = 2 as Options['algorithm'];
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Verifying against this keeps the time of an unknown-user login close to a wrong password. */
const DUMMY_HASH_PROMISE = hash('dummy-password-for-timing', OPTIONS);

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    const target = passwordHash ?? (await DUMMY_HASH_PROMISE);
    try {
      const ok = await verify(target, password);
      return ok && Boolean(passwordHash);
    } catch {
      return false;
    }
  }
}
