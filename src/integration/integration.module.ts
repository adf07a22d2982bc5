import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuthTokensModule } from '../auth/auth-tokens.module';
import { AuthzDecisionService } from './authz/authz-decision.service';
import { AuthzController } from './authz/authz.controller';
import { AuthzService } from './authz/authz.service';
import { ChangeFeedService } from './events/change-feed.service';
import { EventsController } from './events/events.controller';
import { IntegrationClientsController } from './integration-clients.controller';
import { IntegrationClientsService } from './integration-clients.service';
import { OAuthController } from './oauth.controller';
import { OAuthTokenService } from './oauth-token.service';

/** Integration clients (the e-service platform): registration, client-credentials tokens, decisions. */
@Module({
  imports: [AuthModule, AuthTokensModule],
  controllers: [IntegrationClientsController, OAuthController, AuthzController, EventsController],
  providers: [
    IntegrationClientsService,
    OAuthTokenService,
    AuthzService,
    AuthzDecisionService,
    ChangeFeedService,
  ],
  exports: [AuthzDecisionService],
})
export class IntegrationModule {}
