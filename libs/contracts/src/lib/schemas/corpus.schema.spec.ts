import {
  AnswerReviewRequestSchema,
  DocumentMetadataPatchSchema,
  DocumentUploadFieldsSchema,
  IngestFilesRequestSchema,
  UpdateDocumentRequestSchema,
} from './ingestion.schema';
import { AcademieSettingsRequestSchema } from './settings.schema';

const ID = '3f0c8a4e-8d1b-4c57-9a51-0e4b6f1d2c3a';

/** The French messages of a failed parse, or [] when it passed. */
function problems(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues ?? []).map((issue) => issue.message);
}

describe('corpus management schemas', () => {
  describe('DocumentMetadataPatchSchema', () => {
    it('should take a theme of the taxonomy, dates, and null to clear one', () => {
      expect(DocumentMetadataPatchSchema.parse({ theme: 'temps-partiel', validFrom: '2025-01-01', validTo: null })).toEqual({
        theme: 'temps-partiel',
        validFrom: '2025-01-01',
        validTo: null,
      });
    });

    it.each([
      [{}, 'rien à modifier'],
      [{ theme: 'cuisine' }, 'thème inconnu'],
      [{ validFrom: '01/09/2025' }, 'AAAA-MM-JJ'],
      [{ validFrom: '2025-09-01', validTo: '2025-01-01' }, 'précède'],
      [{ theme: 'temps-partiel', corpus: 'poitiers' }, ''],
    ])('should refuse %j with a French reason', (body, reason) => {
      const messages = problems(DocumentMetadataPatchSchema.safeParse(body));
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.join(' ')).toContain(reason);
    });
  });

  describe('UpdateDocumentRequestSchema', () => {
    it('should need a document id and something to change', () => {
      expect(UpdateDocumentRequestSchema.safeParse({ v: 1, documentId: ID, validTo: '2026-08-31' }).success).toBe(true);
      expect(UpdateDocumentRequestSchema.safeParse({ v: 1, documentId: ID }).success).toBe(false);
      expect(UpdateDocumentRequestSchema.safeParse({ v: 1, documentId: 'x', theme: 'retraite' }).success).toBe(false);
    });
  });

  describe('DocumentUploadFieldsSchema', () => {
    it('should read empty form fields as absent and trim the others', () => {
      expect(DocumentUploadFieldsSchema.parse({ theme: '', validFrom: ' 2025-09-01 ', validTo: '' })).toEqual({ validFrom: '2025-09-01' });
      expect(DocumentUploadFieldsSchema.parse({})).toEqual({});
    });

    it('should refuse an unknown theme and dates out of order', () => {
      expect(problems(DocumentUploadFieldsSchema.safeParse({ theme: 'sport' })).join(' ')).toContain('thème inconnu');
      expect(problems(DocumentUploadFieldsSchema.safeParse({ validFrom: '2026-01-01', validTo: '2025-01-01' })).join(' ')).toContain('précède');
    });
  });

  describe('IngestFilesRequestSchema', () => {
    const file = { name: 'note.md', contentBase64: 'IyBOb3Rl' };

    it('should take a job id and a replacement of one file', () => {
      expect(IngestFilesRequestSchema.safeParse({ v: 1, jobId: ID, replaces: ID, options: { corpus: 'lyon' }, files: [file] }).success).toBe(true);
    });

    it('should refuse a replacement by several files', () => {
      expect(problems(IngestFilesRequestSchema.safeParse({ v: 1, replaces: ID, options: { corpus: 'lyon' }, files: [file, file] }))).toEqual([
        'un remplacement porte sur un seul fichier',
      ]);
    });
  });

  describe('AnswerReviewRequestSchema', () => {
    it('should take an approval with corrected texts, and a plain rejection', () => {
      expect(AnswerReviewRequestSchema.parse({ decision: 'approve', answer: ' Réponse corrigée. ' })).toEqual({ decision: 'approve', answer: 'Réponse corrigée.' });
      expect(AnswerReviewRequestSchema.parse({ decision: 'reject' })).toEqual({ decision: 'reject' });
    });

    it('should refuse an unknown decision, an emptied text and a corrected rejection', () => {
      expect(AnswerReviewRequestSchema.safeParse({ decision: 'maybe' }).success).toBe(false);
      expect(problems(AnswerReviewRequestSchema.safeParse({ decision: 'approve', answer: '   ' })).join(' ')).toContain('vide');
      expect(problems(AnswerReviewRequestSchema.safeParse({ decision: 'reject', answer: 'Texte' })).join(' ')).toContain('rejetée');
    });
  });

  describe('AcademieSettingsRequestSchema', () => {
    it('should take a contact with an e-mail or a web address, and read blanks as none', () => {
      expect(AcademieSettingsRequestSchema.parse({ instructions: 'Vouvoyer.', contact: 'la DPE', contactAddress: 'dpe@ac-lyon.fr', aiNotice: '' })).toEqual({
        instructions: 'Vouvoyer.',
        contact: 'la DPE',
        contactAddress: 'dpe@ac-lyon.fr',
      });
      expect(AcademieSettingsRequestSchema.parse({ contact: 'la DPE', contactAddress: 'https://www.ac-lyon.fr/contact' }).contactAddress).toBe('https://www.ac-lyon.fr/contact');
      expect(AcademieSettingsRequestSchema.parse({ contact: null, contactAddress: '' })).toEqual({});
    });

    it('should refuse an address that is neither, an address without a name, and texts too long', () => {
      expect(problems(AcademieSettingsRequestSchema.safeParse({ contact: 'la DPE', contactAddress: 'javascript:alert(1)' })).join(' ')).toContain('adresse électronique');
      expect(problems(AcademieSettingsRequestSchema.safeParse({ contactAddress: 'dpe@ac-lyon.fr' })).join(' ')).toContain('nom du contact');
      expect(problems(AcademieSettingsRequestSchema.safeParse({ aiNotice: 'x'.repeat(1001) })).join(' ')).toMatch(/aiNotice dépasse 1\s000 caractères/);
      expect(problems(AcademieSettingsRequestSchema.safeParse({ instructions: 42 })).join(' ')).toContain('doit être un texte');
    });
  });
});
