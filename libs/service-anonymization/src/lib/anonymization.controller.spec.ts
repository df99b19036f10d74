import { Subjects, type PseudonymizeResponse } from '@mileva/contracts';
import { startServiceHarness, type ServiceHarness } from '@mileva/runtime/testing';
import { AnonymizationModule } from './anonymization.module';

describe('AnonymizationController', () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await startServiceHarness(AnonymizationModule);
  });
  afterAll(() => harness.close());

  const pseudonymize = (payload: unknown): Promise<PseudonymizeResponse> => harness.client.request<PseudonymizeResponse>(Subjects.anonymization.pseudonymize, payload);

  describe('pseudonymize', () => {
    it('should mask the texts of one record with placeholders numbered across them, and count by type without values', async () => {
      const response = await pseudonymize({
        v: 1,
        texts: ['Je suis Gwendal KERBRAT, NIR 1 84 12 75 123 456 40, tél. 06 11 22 33 44.', 'Monsieur KERBRAT, votre NIR 1 84 12 75 123 456 40 est enregistré.'],
      });
      expect(response).toEqual({
        v: 1,
        texts: ['Je suis [PERSONNE_1], NIR [NIR_1], tél. [TELEPHONE_1].', 'Monsieur [PERSONNE_2], votre NIR [NIR_1] est enregistré.'],
        entities: { PERSON: 2, NIR: 2, PHONE: 1 },
      });
      expect(JSON.stringify(response)).not.toMatch(/KERBRAT|Gwendal|123 456|06 11/);
    });

    it('should start the numbering again with every request (a stored record cannot be linked to another)', async () => {
      const first = await pseudonymize({ v: 1, texts: ['Mme Ozanne Plouhinec'] });
      const second = await pseudonymize({ v: 1, texts: ['M. Yvonig Kerbrat'] });
      expect([first.texts, second.texts]).toEqual([['Mme [PERSONNE_1]'], ['M. [PERSONNE_1]']]);
    });

    it('should return a text without personal data unchanged, with no count', async () => {
      await expect(pseudonymize({ v: 1, texts: ['Le CLM est accordé par le Rectorat.'] })).resolves.toEqual({ v: 1, texts: ['Le CLM est accordé par le Rectorat.'], entities: {} });
    });

    it('should reject a request without texts, and one of another contract version', async () => {
      await expect(pseudonymize({ v: 1, texts: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(pseudonymize({ v: 2, texts: ['x'] })).rejects.toMatchObject({ code: 'CONTRACT_VERSION' });
    });
  });
});
