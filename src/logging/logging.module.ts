import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config';
import { REDACT_PATHS, REDACTED, scrubText, scrubUrl } from './redaction';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * JSON logs (pino) with the request id on every line of a request, echoed as `x-request-id`. No token,
 * cookie, password or Authorization value is written (redaction.ts; test/foundation/log-redaction.spec.ts).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (req, res) => {
            const incoming = req.headers['x-request-id'];
            const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
            res.setHeader('x-request-id', id);
            return id;
          },
          customProps: () => ({ service: 'api' }),
          redact: { paths: REDACT_PATHS, censor: REDACTED },
          serializers: {
            // pino-http hands over its own serialised copy of the request: changing it leaves the request alone.
            req: (req: { url?: unknown }) => {
              if (typeof req.url === 'string') req.url = scrubUrl(req.url);
              return req;
            },
          },
          hooks: {
            logMethod(args, method) {
              // Message text is not covered by path redaction: scrub bearer values and JWTs quoted in it.
              const scrubbed = args.map((a: unknown) => (typeof a === 'string' ? scrubText(a) : a));
              method.apply(this, scrubbed as Parameters<typeof method>);
            },
          },
          autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
