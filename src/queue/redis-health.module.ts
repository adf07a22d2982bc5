import { Global, Module } from '@nestjs/common';
import { RedisHealth } from './redis-health';

/** Global so the health module (API) and the workers can inject RedisHealth without wiring. */
@Global()
@Module({ providers: [RedisHealth], exports: [RedisHealth] })
export class RedisHealthModule {}
