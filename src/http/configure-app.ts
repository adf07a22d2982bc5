import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { HttpExceptionFilter } from '../common/errors/http-exception.filter';
import { createValidationPipe } from '../common/validation.pipe';
import { answerClientErrorsInShape } from './client-errors';

/** Everything main.ts and the tests share: prefix, pipes, filter, security headers, OpenAPI. */
export function configureApp(app: NestExpressApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', app.get<AppConfig>(APP_CONFIG).trustProxy);
  app.disable('x-powered-by');
  answerClientErrorsInShape(app.getHttpServer());
  app.useBodyParser('json', { limit: '1mb' });
  // No app-wide text/csv parser: it would buffer 20 MB before any guard ran (see registry/import/csv-body.reader.ts).
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // Helmet's default would make browsers fetch every asset over https: an office intranet that
          // serves the console over plain http would get a blank page. TLS, where used, sets HSTS.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.setGlobalPrefix('api', { exclude: ['health/live', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();

  // The document maps every route and parameter: served while developing, in production only on request.
  if (!app.get<AppConfig>(APP_CONFIG).apiDocsPublic) return app;
  const openApi = new DocumentBuilder()
    .setTitle('Digital DLA approvals API')
    .setDescription('คำสั่งแต่งตั้งและสิทธิ์การใช้งานของ อปท. (appointment orders and account grants)')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, openApi);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
