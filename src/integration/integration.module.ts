import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuthTokensModule } from '../auth/auth-tokens.module';
import { AuthzDecisionService } from './authz/authz-decision.service';
import { AuthzController } from './authz/authz.controller';
import { AuthzService } from './authz/authz.service';
import { IntegrationClientsController } from './integration-clients.controller';
import { IntegrationClientsService } from './integration-clients.service';
import { OAuthController } from './oauth.controller';
import { OAuthTokenService } from './oauth-token.service';

/** Integration clients (the e-service platform): registration, client-credentials tokens, decisions. */
@Module({
  imports: [AuthModule, AuthTokensModule],
  controllers: [IntegrationClientsController, OAuthController, AuthzController],
  providers: [IntegrationClientsService, OAuthTokenService, AuthzService, AuthzDecisionService],
  exports: [AuthzDecisionService],
})
export class IntegrationModule {}
