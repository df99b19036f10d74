import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MILEVA_CONFIG, type MilevaConfig, type ServiceDefinition } from '@mileva/runtime';
import { HealthController } from './health/health.controller';
import { PlatformHealthService } from './health/platform-health.service';
import { PseudonymSessionStore } from './questions/pseudonym-session.store';
import { QuestionService } from './questions/question.service';
import { AcademieSettingsService } from './questions/academie-settings.service';
import { AskService } from './questions/ask.service';
import { QuestionsController } from './questions/questions.controller';
import { InstructionsController } from './questions/instructions.controller';
import { UserGuard } from './auth/request-user';
import { CorpusSearchService } from './search/corpus-search.service';

/** HTTP API of the portal: orchestrates the backend services over the bus. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, QuestionsController, InstructionsController],
  providers: [
    PlatformHealthService,
    CorpusSearchService,
    // The conversations' pseudonymization sessions: this process's memory only.
    { provide: PseudonymSessionStore, useFactory: (config: MilevaConfig) => new PseudonymSessionStore(config.pseudonymization), inject: [MILEVA_CONFIG] },
    QuestionService,
    AcademieSettingsService,
    AskService,
    UserGuard,
  ],
  exports: [CorpusSearchService, QuestionService, AskService],
})
export class GatewayModule {}

export const GATEWAY_SERVICE: ServiceDefinition = {
  name: 'gateway',
  module: GatewayModule,
  usesDatabase: true,
  perCorpus: false,
};
