import { Injectable, Logger } from '@nestjs/common';
import { pseudonymize } from '@mileva/anonymizer';
import { ANONYMIZATION_CONTRACT_VERSION, type PseudonymizeResponse } from '@mileva/contracts';

@Injectable()
export class AnonymizationService {
  private readonly logger = new Logger(AnonymizationService.name);

  /**
   * Pseudonymizes the texts of one record, placeholders numbered across them. The mapping is
   * dropped here: what is stored can never be re-identified. Only counts are logged.
   */
  pseudonymize(texts: readonly string[]): PseudonymizeResponse {
    const result = pseudonymize(texts);
    this.logger.debug({ texts: texts.length, entities: result.counts }, 'pseudonymized');
    return { v: ANONYMIZATION_CONTRACT_VERSION, texts: result.texts, entities: result.counts };
  }
}
