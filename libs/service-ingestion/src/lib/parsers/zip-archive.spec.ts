import { DEFAULT_PARSE_LIMITS, ParseError } from './index';
import { buildZip } from './testing/zip-fixtures';
import { assertNotZipBomb, readZipEntries, readZipEntry, ZipFormatError, ZipTooManyEntriesError } from './zip-archive';

describe('zip archive reader', () => {
  const archive = buildZip([
    { name: 'stocke.txt', data: 'texte stocké tel quel', method: 'store' },
    { name: 'word/document.xml', data: '<w:document>' + 'x'.repeat(5000) + '</w:document>' },
  ]);

  describe('readZipEntries', () => {
    it('should list the entries and their declared sizes from the central directory', () => {
      const entries = readZipEntries(archive);
      expect(entries.map(({ name, method, uncompressedSize }) => ({ name, method, uncompressedSize }))).toEqual([
        { name: 'stocke.txt', method: 0, uncompressedSize: Buffer.byteLength('texte stocké tel quel') },
        { name: 'word/document.xml', method: 8, uncompressedSize: 5025 },
      ]);
      expect(entries[1].compressedSize).toBeLessThan(100);
    });

    it('should refuse bytes that are not an archive', () => {
      expect(() => readZipEntries(new Uint8Array(Buffer.from('PK\u0003\u0004 pas une archive')))).toThrow(ZipFormatError);
    });

    it('should refuse an archive announcing more entries than any document holds', () => {
      const many = buildZip([{ name: 'a.txt', data: 'a' }], { declaredEntryCount: 50_000 });
      expect(() => readZipEntries(many)).toThrow(ZipTooManyEntriesError);
    });
  });

  describe('readZipEntry', () => {
    it('should read stored and deflated entries back', () => {
      const [stored, deflated] = readZipEntries(archive);
      expect(Buffer.from(readZipEntry(archive, stored, 'a.zip')).toString('utf8')).toBe('texte stocké tel quel');
      expect(Buffer.from(readZipEntry(archive, deflated, 'a.zip')).toString('utf8')).toHaveLength(5025);
    });

    it('should stop inflating at the declared size', () => {
      const liar = buildZip([{ name: 'word/document.xml', data: 'x'.repeat(100_000), declaredUncompressedSize: 10 }]);
      const [entry] = readZipEntries(liar);
      expect(() => readZipEntry(liar, entry, 'menteur.docx')).toThrow(ParseError);
    });
  });

  describe('assertNotZipBomb', () => {
    it('should accept an ordinary archive', () => {
      expect(() => assertNotZipBomb(readZipEntries(archive), DEFAULT_PARSE_LIMITS, 'a.docx')).not.toThrow();
    });

    it('should refuse a compression ratio above the limit', () => {
      const entries = readZipEntries(archive);
      expect(() => assertNotZipBomb(entries, { ...DEFAULT_PARSE_LIMITS, maxCompressionRatio: 2 }, 'a.docx')).toThrow(
        expect.objectContaining({ code: 'ZIP_BOMB' }),
      );
    });
  });
});
