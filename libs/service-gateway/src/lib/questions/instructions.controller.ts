import { Body, Controller, Get, HttpException, HttpStatus, Inject, Optional, Put, Query, UseGuards } from '@nestjs/common';
import { CORPUS_MANAGING_ROLES, type AcademieSettings } from '@mileva/contracts';
import { AcademieSettingsRequestSchema } from '@mileva/contracts/validation';
import { InstructionEntity, type Database } from '@mileva/persistence';
import { MILEVA_DATABASE } from '@mileva/runtime';
import { createHash } from 'node:crypto';
import { AllowRoles, CurrentUser, UserGuard, type RequestUser } from '../auth/request-user';
import { managedCorpus } from '../corpus/corpus-scope';
import { parseBody } from '../http/parse-body';
import { AcademieSettingsService } from './academie-settings.service';

/**
 * The answer instructions of the caller's académie, its AI-use mention and contact (name, and an
 * e-mail or web address): read and replaced by its experts (an administrator may name another
 * académie, or `national`, with `?academie=`). Every change is a new version; the latest is in force.
 */
@Controller('v1/instructions')
@UseGuards(UserGuard)
@AllowRoles(...CORPUS_MANAGING_ROLES)
export class InstructionsController {
  constructor(
    private readonly settings: AcademieSettingsService,
    @Optional() @Inject(MILEVA_DATABASE) private readonly database?: Database,
  ) {}

  @Get()
  current(@CurrentUser() user: RequestUser, @Query('academie') academie?: string): Promise<AcademieSettings> {
    return this.settings.editableSettingsOf(managedCorpus(user, academie));
  }

  @Put()
  async replace(@Body() body: unknown, @CurrentUser() user: RequestUser, @Query('academie') requested?: string): Promise<AcademieSettings> {
    const academie = managedCorpus(user, requested);
    const settings = parseBody(AcademieSettingsRequestSchema, body ?? {}, 'Consignes refusées : corrigez-les puis renvoyez-les.');
    if (!this.database) throw new HttpException({ code: 'UNAVAILABLE', message: 'Base de données indisponible : réessayez plus tard.' }, HttpStatus.SERVICE_UNAVAILABLE);
    await this.database.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(InstructionEntity);
      const latest = await repository.findOne({ where: { academie }, order: { version: 'DESC' }, lock: { mode: 'pessimistic_write' } });
      await repository.insert({
        academie,
        version: (latest?.version ?? 0) + 1,
        body: settings.instructions ?? '',
        aiNotice: settings.aiNotice ?? null,
        contact: settings.contact ?? null,
        contactAddress: settings.contactAddress ?? null,
        // Who changed them, without saying who: a hash of the user's identifier.
        createdByHash: createHash('sha256').update(user.id).digest('hex'),
      });
    });
    return this.settings.editableSettingsOf(academie);
  }
}
