import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { assertSignInReady, MILEVA_CONFIG, type MilevaConfig, type ServiceDefinition } from '@mileva/runtime';
import { AnalyticsController } from './analytics/analytics.controller';
import { AnalyticsEvents } from './analytics/analytics-events';
import { GapAnalysisService } from './analytics/gap-analysis.service';
import { GatewaySecrets } from './auth/gateway-secrets';
import { OidcService } from './auth/oidc.service';
import { UserGuard } from './auth/request-user';
import { SessionController } from './auth/session.controller';
import { SessionService } from './auth/session.service';
import { ConversationPurger } from './conversations/conversation-purger';
import { ConversationsController, FeedbackController } from './conversations/conversations.controller';
import { ConversationsService } from './conversations/conversations.service';
import { CorpusAdminService } from './corpus/corpus-admin.service';
import { CorpusJobStore } from './corpus/corpus-jobs';
import { CorpusProgressController } from './corpus/corpus-progress.controller';
import { CorpusScopeGuard } from './corpus/corpus-scope';
import { CorpusAnswersController, CorpusDocumentsController } from './corpus/corpus.controller';
import { HealthController } from './health/health.controller';
import { PlatformHealthService } from './health/platform-health.service';
import { AcademieSettingsService } from './questions/academie-settings.service';
import { AskService } from './questions/ask.service';
import { InstructionsController } from './questions/instructions.controller';
import { PseudonymSessionStore } from './questions/pseudonym-session.store';
import { QuestionService } from './questions/question.service';
import { QuestionsController } from './questions/questions.controller';
import { CorpusSearchService } from './search/corpus-search.service';

/** HTTP API of the portal: orchestrates the backend services over the bus. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, SessionController, QuestionsController, ConversationsController, FeedbackController, InstructionsController, CorpusDocumentsController, CorpusAnswersController, CorpusProgressController, AnalyticsController],
  providers: [
    PlatformHealthService,
    CorpusSearchService,
    // The conversations' pseudonymization sessions: this process's memory only.
    { provide: PseudonymSessionStore, useFactory: (config: MilevaConfig) => new PseudonymSessionStore(config.pseudonymization), inject: [MILEVA_CONFIG] },
    QuestionService,
    AcademieSettingsService,
    AskService,
    {
      provide: GatewaySecrets,
      useFactory: (config: MilevaConfig) => {
        // A production gateway does not start without its session secret and identity provider.
        assertSignInReady(config);
        return new GatewaySecrets(config.signIn.sessionSecret);
      },
      inject: [MILEVA_CONFIG],
    },
    SessionService,
    OidcService,
    UserGuard,
    ConversationsService,
    ConversationPurger,
    // Ingestion jobs started from the portal: this process's memory, fed by the corpus services' progress events.
    { provide: CorpusJobStore, useFactory: () => new CorpusJobStore() },
    CorpusAdminService,
    CorpusScopeGuard,
    AnalyticsEvents,
    GapAnalysisService,
  ],
  exports: [CorpusSearchService, QuestionService, AskService, ConversationsService],
})
export class GatewayModule {}

export const GATEWAY_SERVICE: ServiceDefinition = {
  name: 'gateway',
  module: GatewayModule,
  usesDatabase: true,
  perCorpus: false,
};
