import { Body, Controller, Get, HttpException, HttpStatus, Inject, Optional, Put, UseGuards } from '@nestjs/common';
import type { AcademieDraftSettings } from '@mileva/contracts';
import { InstructionEntity, type Database } from '@mileva/persistence';
import { MILEVA_DATABASE } from '@mileva/runtime';
import { createHash } from 'node:crypto';
import { AllowRoles, CurrentUser, UserGuard, type RequestUser } from '../auth/request-user';
import { AcademieSettingsService } from './academie-settings.service';

/** Longest instructions accepted, in characters. */
const INSTRUCTIONS_MAX_CHARS = 20_000;
const SHORT_TEXT_MAX_CHARS = 1_000;

interface InstructionsBody {
  readonly instructions?: unknown;
  readonly aiNotice?: unknown;
  readonly contact?: unknown;
}

/**
 * The answer instructions of the caller's académie, its AI-use mention and contact: read and
 * replaced by its experts. Every change is a new version; the latest is in force.
 */
@Controller('v1/instructions')
@UseGuards(UserGuard)
@AllowRoles('expert', 'admin')
export class InstructionsController {
  constructor(
    private readonly settings: AcademieSettingsService,
    @Optional() @Inject(MILEVA_DATABASE) private readonly database?: Database,
  ) {}

  @Get()
  current(@CurrentUser() user: RequestUser): Promise<AcademieDraftSettings> {
    return this.settings.settingsOf(user.academie);
  }

  @Put()
  async replace(@Body() body: InstructionsBody, @CurrentUser() user: RequestUser): Promise<AcademieDraftSettings> {
    const problems: string[] = [];
    const text = (value: unknown, name: string, max: number): string | null => {
      if (value === undefined || value === null || value === '') return null;
      if (typeof value !== 'string') problems.push(`${name} doit être un texte`);
      else if (value.length > max) problems.push(`${name} dépasse ${max.toLocaleString('fr-FR')} caractères`);
      else return value.trim();
      return null;
    };
    const instructions = text(body?.instructions, 'instructions', INSTRUCTIONS_MAX_CHARS) ?? '';
    const aiNotice = text(body?.aiNotice, 'aiNotice', SHORT_TEXT_MAX_CHARS);
    const contact = text(body?.contact, 'contact', SHORT_TEXT_MAX_CHARS);
    if (problems.length) throw new HttpException({ code: 'BAD_REQUEST', message: 'Consignes refusées : corrigez-les puis renvoyez-les.', details: problems }, HttpStatus.BAD_REQUEST);
    if (!this.database) throw new HttpException({ code: 'UNAVAILABLE', message: 'Base de données indisponible : réessayez plus tard.' }, HttpStatus.SERVICE_UNAVAILABLE);
    await this.database.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(InstructionEntity);
      const latest = await repository.findOne({ where: { academie: user.academie }, order: { version: 'DESC' }, lock: { mode: 'pessimistic_write' } });
      await repository.insert({
        academie: user.academie,
        version: (latest?.version ?? 0) + 1,
        body: instructions,
        aiNotice,
        contact,
        // Who changed them, without saying who: a hash of the user's identifier.
        createdByHash: createHash('sha256').update(user.id).digest('hex'),
      });
    });
    return this.settings.settingsOf(user.academie);
  }
}
