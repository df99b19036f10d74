import { Inject, Injectable, Optional } from '@nestjs/common';
import type { AcademieDraftSettings, AcademieSettings } from '@mileva/contracts';
import { InstructionEntity, type Database } from '@mileva/persistence';
import { MILEVA_DATABASE } from '@mileva/runtime';

/**
 * The draft settings of an académie: the latest version of its instructions, AI-use mention and
 * contact. A gateway without a database (tests of the question path) uses the defaults.
 */
@Injectable()
export class AcademieSettingsService {
  constructor(@Optional() @Inject(MILEVA_DATABASE) private readonly database?: Database) {}

  /** What drafts use: the contact's name followed by its address (« la DPE (dpe@ac-lyon.fr) »). */
  async settingsOf(academie: string): Promise<AcademieDraftSettings> {
    const { contactAddress, ...settings } = await this.editableSettingsOf(academie);
    return settings.contact && contactAddress ? { ...settings, contact: `${settings.contact} (${contactAddress})` } : settings;
  }

  /** The settings as the académie's experts edit them, the contact's name and address apart. */
  async editableSettingsOf(academie: string): Promise<AcademieSettings> {
    if (!this.database) return {};
    const latest = await this.database.dataSource.getRepository(InstructionEntity).findOne({ where: { academie }, order: { version: 'DESC' } });
    if (!latest) return {};
    return {
      instructions: latest.body,
      instructionsVersion: latest.version,
      ...(latest.aiNotice ? { aiNotice: latest.aiNotice } : {}),
      ...(latest.contact ? { contact: latest.contact } : {}),
      ...(latest.contact && latest.contactAddress ? { contactAddress: latest.contactAddress } : {}),
    };
  }
}
