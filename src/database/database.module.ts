import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config';
import { createOrmOptions } from './orm-options';

/** MikroORM for the API and the workers; the schema comes only from migrations. */
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createOrmOptions(config.databaseUrl),
      driver: PostgreSqlDriver,
    }),
  ],
})
export class DatabaseModule {}
