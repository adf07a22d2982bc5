/** A user-facing message in both locales; Thai is the default. */
export interface LocalizedMessage {
  th: string;
  en: string;
}

export interface ErrorSpec extends LocalizedMessage {
  status: number;
}

/**
 * The one error type modules throw for expected failures. Each module declares its codes with
 * `defineErrors`, so the code, HTTP status and both messages live together.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messages: LocalizedMessage,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${messages.en}`);
    this.name = 'AppError';
  }
}

export type ErrorFactory = (details?: Record<string, unknown>) => AppError;

/** Declares a module's error catalogue: `Errors.ORDER_STATE_CONFLICT({ state })` builds the error. */
export function defineErrors<K extends string>(
  specs: Record<K, ErrorSpec>,
): Record<K, ErrorFactory> & {
  specs: Record<K, ErrorSpec>;
} {
  const factories = {} as Record<K, ErrorFactory>;
  for (const code of Object.keys(specs) as K[]) {
    const spec = specs[code];
    factories[code] = (details = {}) =>
      new AppError(code, spec.status, { th: spec.th, en: spec.en }, details);
  }
  return Object.assign(factories, { specs });
}
