import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from './app-config';
import { loadConfig } from './load-config';

/** Provides the validated AppConfig; loading throws (and boot stops) when a variable is invalid. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => loadConfig() }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
