import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PARSE_LIMITS, ParseError, parseDocument, SUPPORTED_EXTENSIONS, type ParseErrorCode, type ParseLimits } from './index';
import { buildEncryptedPdf, buildImageOnlyPdf, buildTextPdf } from './testing/pdf-fixtures';
import { buildDocx, buildZip, CONTENT_TYPES, ROOT_RELATIONSHIPS, wordDocumentXml } from './testing/zip-fixtures';

const CORPUS = join(__dirname, '../../../../../../shared/corpus/docs');

function bytesOf(text: string, encoding: BufferEncoding = 'utf8'): Uint8Array {
  return new Uint8Array(Buffer.from(text, encoding));
}

/** Verbs of the French messages that tell the user what to do. */
const ADVICE = /Vérifiez|Fournissez|Enregistrez|enregistrez|Découpez|Convertissez|Ouvrez|Exportez|renommez|réduisez|Renommez/;

async function expectParseError(
  input: { bytes: Uint8Array; fileName: string },
  code: ParseErrorCode,
  limits?: ParseLimits,
): Promise<ParseError> {
  const error: unknown = await parseDocument(input, limits).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ParseError);
  const parseError = error as ParseError;
  expect(parseError.code).toBe(code);
  expect(parseError.message).toMatch(ADVICE);
  expect(parseError.message).toContain(input.fileName);
  return parseError;
}

describe('parseDocument', () => {
  describe('limits and emptiness', () => {
    it('should reject a zero-byte file with EMPTY_FILE', async () => {
      await expectParseError({ bytes: new Uint8Array(0), fileName: 'note.txt' }, 'EMPTY_FILE');
    });

    it('should reject a whitespace-only text with EMPTY_FILE', async () => {
      await expectParseError({ bytes: bytesOf(' \n\t\r\n   \n'), fileName: 'vide.md' }, 'EMPTY_FILE');
    });

    it('should reject a whitespace-only .pdf with EMPTY_FILE before looking for a PDF header', async () => {
      await expectParseError({ bytes: bytesOf('\n\n  '), fileName: 'scan.pdf' }, 'EMPTY_FILE');
    });

    it('should reject a file larger than maxBytes with FILE_TOO_LARGE before parsing it', async () => {
      const limits: ParseLimits = { ...DEFAULT_PARSE_LIMITS, maxBytes: 1024 };
      // Not even a PDF: the size check must come first.
      const error = await expectParseError({ bytes: new Uint8Array(4096).fill(0x41), fileName: 'gros.pdf' }, 'FILE_TOO_LARGE', limits);
      expect(error.message).toContain('4 ko');
      expect(error.message).toContain('1 ko');
    });

    it('should keep the default limits at 50 MB, 200 MB and a ratio of 100', () => {
      expect(DEFAULT_PARSE_LIMITS).toEqual({ maxBytes: 50 * 1024 * 1024, maxUncompressedBytes: 200 * 1024 * 1024, maxCompressionRatio: 100 });
    });
  });

  describe('formats', () => {
    it('should list the supported extensions', () => {
      expect([...SUPPORTED_EXTENSIONS].sort()).toEqual(['.docx', '.htm', '.html', '.markdown', '.md', '.pdf', '.txt', '.xml']);
    });

    it('should reject an .odt with UNSUPPORTED_FORMAT and say to convert it', async () => {
      const odt = buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 'store' }, { name: 'content.xml', data: '<office:document-content/>' }]);
      const error = await expectParseError({ bytes: odt, fileName: 'circulaire.odt' }, 'UNSUPPORTED_FORMAT');
      expect(error.message).toContain('.docx');
      expect(error.message).toContain('.pdf');
    });

    it('should reject an old .doc with UNSUPPORTED_FORMAT and point to .docx', async () => {
      const error = await expectParseError({ bytes: bytesOf('x'), fileName: 'Dictionnaire des concepts.doc' }, 'UNSUPPORTED_FORMAT');
      expect(error.message).toMatch(/ancien format Word.*\.docx/);
    });

    it('should reject an image with UNSUPPORTED_FORMAT and say that OCR is not done', async () => {
      const error = await expectParseError({ bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), fileName: 'arrete.png' }, 'UNSUPPORTED_FORMAT');
      expect(error.message).toContain('OCR');
    });

    it('should reject a .pdf that is really a zip with EXTENSION_MISMATCH', async () => {
      const error = await expectParseError({ bytes: buildDocx(['Bonjour']), fileName: 'arrete.pdf' }, 'EXTENSION_MISMATCH');
      expect(error.message).toContain("Le fichier arrete.pdf n'est pas un PDF (contenu : un document Word .docx)");
      expect(error.message).toContain('renommez-le en .docx');
    });

    it('should reject a .docx that is really text with EXTENSION_MISMATCH', async () => {
      const error = await expectParseError({ bytes: bytesOf('Ceci est une note.'), fileName: 'note.docx' }, 'EXTENSION_MISMATCH');
      expect(error.message).toContain('contenu : du texte');
    });

    it('should reject a .docx that is really a PDF with EXTENSION_MISMATCH', async () => {
      const error = await expectParseError({ bytes: buildImageOnlyPdf(), fileName: 'note.docx' }, 'EXTENSION_MISMATCH');
      expect(error.message).toContain('renommez-le en .pdf');
    });

    it('should reject a .txt holding a PDF with EXTENSION_MISMATCH', async () => {
      await expectParseError({ bytes: buildImageOnlyPdf(), fileName: 'note.txt' }, 'EXTENSION_MISMATCH');
    });

    it('should reject an .xml holding plain text with EXTENSION_MISMATCH', async () => {
      await expectParseError({ bytes: bytesOf('pas de balise ici'), fileName: 'fiche.xml' }, 'EXTENSION_MISMATCH');
    });

    it('should reject a .docx renamed from an OpenDocument file with EXTENSION_MISMATCH', async () => {
      const odt = buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 'store' }, { name: 'content.xml', data: '<x/>' }]);
      const error = await expectParseError({ bytes: odt, fileName: 'note.docx' }, 'EXTENSION_MISMATCH');
      expect(error.message).toContain('OpenDocument');
    });

    it('should reject a .docx without word/document.xml with CORRUPT_FILE', async () => {
      const zip = buildZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: '_rels/.rels', data: ROOT_RELATIONSHIPS },
      ]);
      const error = await expectParseError({ bytes: zip, fileName: 'incomplet.docx' }, 'CORRUPT_FILE');
      expect(error.message).toContain('word/document.xml');
    });

    it('should reject a truncated zip with CORRUPT_FILE', async () => {
      const docx = buildDocx(['Texte']);
      await expectParseError({ bytes: docx.slice(0, docx.length - 30), fileName: 'coupe.docx' }, 'CORRUPT_FILE');
    });
  });

  describe('zip bombs', () => {
    it('should reject a DOCX whose central directory declares a huge size, without inflating it', async () => {
      const bomb = buildZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'word/document.xml', data: wordDocumentXml(['x']), declaredUncompressedSize: 0xfffffff0 },
      ]);
      const error = await expectParseError({ bytes: bomb, fileName: 'bombe.docx' }, 'ZIP_BOMB');
      expect(error.message).toContain('4 Go');
    });

    it('should reject a real highly compressible entry by its compression ratio', async () => {
      const padding = ' '.repeat(8 * 1024 * 1024);
      const bomb = buildZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: '_rels/.rels', data: ROOT_RELATIONSHIPS },
        { name: 'word/document.xml', data: wordDocumentXml(['Texte'], padding) },
      ]);
      expect(bomb.length).toBeLessThan(100 * 1024);
      const error = await expectParseError({ bytes: bomb, fileName: 'compressé.docx' }, 'ZIP_BOMB');
      expect(error.message).toMatch(/compressé \d+ fois/);
    });

    it('should reject a real entry above maxUncompressedBytes', async () => {
      const padding = ' '.repeat(600 * 1024);
      const docx = buildZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'word/document.xml', data: wordDocumentXml(['Texte'], padding) },
      ]);
      const limits: ParseLimits = { ...DEFAULT_PARSE_LIMITS, maxUncompressedBytes: 512 * 1024, maxCompressionRatio: 10_000 };
      await expectParseError({ bytes: docx, fileName: 'lourd.docx' }, 'ZIP_BOMB', limits);
    });

    it('should reject an entry that inflates beyond the size its header declares', async () => {
      const liar = buildZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: '_rels/.rels', data: ROOT_RELATIONSHIPS },
        { name: 'word/document.xml', data: wordDocumentXml(['Texte'], ' '.repeat(2 * 1024 * 1024)), declaredUncompressedSize: 2000 },
      ]);
      const error = await expectParseError({ bytes: liar, fileName: 'menteur.docx' }, 'ZIP_BOMB');
      expect(error.message).toContain('au-delà de la taille annoncée');
    });

    it('should reject an archive that declares absurdly many entries', async () => {
      const many = buildZip([{ name: 'word/document.xml', data: wordDocumentXml(['x']) }], { declaredEntryCount: 65_000 });
      await expectParseError({ bytes: many, fileName: 'multiple.docx' }, 'ZIP_BOMB');
    });
  });

  describe('PDF failures', () => {
    it('should reject a truncated PDF with CORRUPT_FILE', async () => {
      const real = new Uint8Array(readFileSync(join(CORPUS, 'barri_INTABS0088_Conge_maladie_ordinaire_T.pdf')));
      await expectParseError({ bytes: real.slice(0, Math.floor(real.length / 3)), fileName: 'tronque.pdf' }, 'CORRUPT_FILE');
    });

    it('should reject a PDF header followed by garbage with CORRUPT_FILE', async () => {
      await expectParseError({ bytes: bytesOf('%PDF-1.7\nceci n est pas un PDF\n'), fileName: 'faux.pdf' }, 'CORRUPT_FILE');
    });

    it('should reject a password-protected PDF with ENCRYPTED_PDF', async () => {
      const error = await expectParseError({ bytes: buildEncryptedPdf(), fileName: 'protege.pdf' }, 'ENCRYPTED_PDF');
      expect(error.message).toContain('mot de passe');
      expect(error.cause).toMatchObject({ name: 'PasswordException' });
    });

    it('should reject a PDF without any text layer with NO_TEXT_LAYER and the OCR explanation', async () => {
      const error = await expectParseError({ bytes: buildImageOnlyPdf(), fileName: 'scan.pdf' }, 'NO_TEXT_LAYER');
      expect(error.message).toBe(
        "Ce PDF (scan.pdf) ne contient pas de texte (document numérisé ?) : la reconnaissance de caractères (OCR) n'est pas faite par MILEVA. Fournissez une version texte.",
      );
    });

    it('should parse PDFs without any network access', async () => {
      const fetchSpy = jest.spyOn(globalThis, 'fetch');
      try {
        const document = await parseDocument({ bytes: buildTextPdf([[{ text: 'Article 1er : le texte est lisible sans réseau.', y: 700 }]]), fileName: 'hors-ligne.pdf' });
        expect(document.blocks.length).toBeGreaterThan(0);
        expect(fetchSpy).not.toHaveBeenCalled();
      } finally {
        fetchSpy.mockRestore();
      }
    });
  });

  describe('text encodings', () => {
    it('should reject invalid UTF-8 that is not plausible Latin-1 text with INVALID_ENCODING', async () => {
      const garbage = new Uint8Array([0x4c, 0x65, 0x20, 0xc3, 0x28, 0x81, 0x8d, 0x00, 0xff, 0xfe, 0x9d, 0x12, 0x13]);
      const error = await expectParseError({ bytes: garbage, fileName: 'binaire.txt' }, 'INVALID_ENCODING');
      expect(error.message).toContain('UTF-8');
    });

    it('should read French text saved in Windows-1252 and say so in warnings', async () => {
      const latin1 = bytesOf('Le fonctionnaire a droit à un congé annuel.\n\nLa durée est fixée par décret.', 'latin1');
      const document = await parseDocument({ bytes: latin1, fileName: 'ancien.txt' });
      expect(document.blocks.map((block) => block.text)).toEqual(['Le fonctionnaire a droit à un congé annuel.', 'La durée est fixée par décret.']);
      expect(document.warnings).toEqual([expect.stringContaining('Windows-1252')]);
    });

    it('should strip a UTF-8 byte order mark', async () => {
      const document = await parseDocument({ bytes: bytesOf('\uFEFFCongé bonifié'), fileName: 'bom.txt' });
      expect(document.blocks[0].text).toBe('Congé bonifié');
    });

    it('should read UTF-16 text with a byte order mark', async () => {
      const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Congé de maladie ordinaire', 'utf16le')]));
      const document = await parseDocument({ bytes: utf16, fileName: 'unicode.txt' });
      expect(document.blocks[0].text).toBe('Congé de maladie ordinaire');
    });
  });

  describe('result', () => {
    it('should fall back on a cleaned-up file name when the document has no title', async () => {
      const document = await parseDocument({ bytes: bytesOf('Un paragraphe sans titre.'), fileName: 'dossiers/note_de-service_rentree-2025.txt' });
      expect(document.title).toBe('Note de service rentree 2025');
      expect(document.format).toBe('text');
      expect(document.mimeType).toBe('text/plain');
    });

    it('should not take an article heading for the document title', async () => {
      const document = await parseDocument({ bytes: buildDocx(['Article 1er : Le texte.']), fileName: 'arrete_type.docx' });
      expect(document.title).toBe('Arrete type');
      expect(document.blocks[0]).toEqual({ kind: 'heading', text: 'Article 1er', level: 1 });
    });
  });
});
