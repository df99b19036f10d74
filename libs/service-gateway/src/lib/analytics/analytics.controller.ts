import { Controller, Get, Header, HttpException, HttpStatus, Query, Res, UseGuards } from '@nestjs/common';
import { ANALYTICS_CONTRACT_VERSION, Subjects, type AggregatesRequest, type AggregatesResponse, type GapReport } from '@mileva/contracts';
import { AggregatesQuerySchema, GapsQuerySchema } from '@mileva/contracts/validation';
import { ServiceClient } from '@mileva/runtime';
import type { Response } from 'express';
import { AllowRoles, CurrentUser, UserGuard, type RequestUser } from '../auth/request-user';
import type { Role } from '../auth/user';
import { parseBody } from '../http/parse-body';
import { aggregatesCsv } from './aggregates-csv';
import { GapAnalysisService } from './gap-analysis.service';

/** Who reads aggregates: the DGRH for every académie, the others for their own académie only. */
export const AGGREGATES_ROLES: readonly Role[] = ['dgrh', 'expert', 'superviseur', 'admin'];
/** Who reads the gaps of their académie's documents (pseudonymized questions): never the DGRH. */
export const GAPS_ROLES: readonly Role[] = ['expert', 'superviseur', 'admin'];
const AGGREGATES_TIMEOUT_MS = 30_000;

/**
 * Analytics for the portal's dashboards. Aggregates come from the analytics service, with small
 * cells hidden; gaps are read from the académie's own stored conversations.
 */
@Controller('v1/analytics')
@UseGuards(UserGuard)
export class AnalyticsController {
  constructor(
    private readonly client: ServiceClient,
    private readonly gapAnalysis: GapAnalysisService,
  ) {}

  /**
   * `GET /api/v1/analytics/aggregates?granularity=week&from=…&to=…&academie=…&theme=…&by=academie,theme&format=csv`.
   * The DGRH sees every académie (or the one named); the other roles their own académie only.
   */
  @Get('aggregates')
  @AllowRoles(...AGGREGATES_ROLES)
  @Header('Cache-Control', 'no-store')
  async aggregates(@CurrentUser() user: RequestUser, @Query() query: unknown, @Res({ passthrough: true }) response: Response): Promise<AggregatesResponse | string> {
    const { format, academie, ...rest } = parseBody(AggregatesQuerySchema, query, 'Demande de statistiques invalide : corrigez les paramètres indiqués.');
    const request: AggregatesRequest = { v: ANALYTICS_CONTRACT_VERSION, ...rest, ...academieScope(user, academie) };
    const aggregates = await this.client.request<AggregatesResponse, AggregatesRequest>(Subjects.analytics.aggregates, request, { timeoutMs: AGGREGATES_TIMEOUT_MS });
    if (format === 'json') return aggregates;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="mileva-statistiques-${aggregates.from}-${aggregates.to}.csv"`);
    return aggregatesCsv(aggregates);
  }

  /** `GET /api/v1/analytics/gaps?from=…&to=…&theme=…`: what the documents of the caller's académie miss. */
  @Get('gaps')
  @AllowRoles(...GAPS_ROLES)
  @Header('Cache-Control', 'no-store')
  gaps(@CurrentUser() user: RequestUser, @Query() query: unknown): Promise<GapReport> {
    return this.gapAnalysis.report(user.academie, parseBody(GapsQuerySchema, query, 'Demande d’analyse des manques invalide : corrigez les paramètres indiqués.'));
  }
}

/** The académie a request may cover: any (or every one) for the DGRH, the caller's own otherwise. */
function academieScope(user: RequestUser, requested: string | undefined): { academie?: string } {
  if (user.role === 'dgrh') return requested ? { academie: requested } : {};
  if (requested && requested !== user.academie) {
    throw new HttpException({ code: 'FORBIDDEN', message: 'Vous ne consultez que les statistiques de votre académie.' }, HttpStatus.FORBIDDEN);
  }
  return { academie: user.academie };
}
