import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TokenService } from './token.service';

/** Token signing/verification, split out so the access guard needs nothing else from auth. */
@Module({ imports: [JwtModule.register({})], providers: [TokenService], exports: [TokenService] })
export class AuthTokensModule {}
