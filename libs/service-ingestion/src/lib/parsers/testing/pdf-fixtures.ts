/**
 * Hand-written PDF files for tests: every object is spelled out, so each hostile case (no text,
 * encryption dictionary, truncation) is exactly what the test says it is.
 */

/** Assembles numbered objects into a PDF with a correct cross-reference table. Object 1 must be the catalog. */
export function buildPdf(objects: readonly string[], trailerExtra = ''): Uint8Array {
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (character) => `\\${character}`)})`;
}

/** One line of text drawn on a page (PDF points, origin bottom-left). Latin-1 characters only. */
export interface FixtureLine {
  readonly text: string;
  readonly x?: number;
  readonly y: number;
  readonly size?: number;
  readonly bold?: boolean;
}

export interface FixtureDocumentInfo {
  readonly title?: string;
  readonly modDate?: string;
  readonly subject?: string;
}

/** A PDF whose pages hold the given lines, in Helvetica / Helvetica-Bold with WinAnsi encoding. */
export function buildTextPdf(pages: readonly (readonly FixtureLine[])[], info: FixtureDocumentInfo = {}): Uint8Array {
  const objects: string[] = [];
  const pageCount = pages.length;
  // 1 catalog, 2 pages, 3 regular font, 4 bold font, then page/content pairs, then the info dictionary.
  const kids = pages.map((_, index) => `${5 + index * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  pages.forEach((lines, index) => {
    const content = lines
      .map((line) => `BT /${line.bold ? 'F2' : 'F1'} ${line.size ?? 11} Tf ${line.x ?? 72} ${line.y} Td ${pdfString(line.text)} Tj ET`)
      .join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${6 + index * 2} 0 R >>`,
    );
    objects.push(stream(content));
  });
  const entries = [
    info.title === undefined ? '' : `/Title ${pdfString(info.title)}`,
    info.modDate === undefined ? '' : `/ModDate ${pdfString(info.modDate)}`,
    info.subject === undefined ? '' : `/Subject ${pdfString(info.subject)}`,
  ].join(' ');
  objects.push(`<< /Producer (MILEVA tests) ${entries} >>`);
  return buildPdf(objects, `/Info ${objects.length} 0 R `);
}

/** A valid one-page PDF that paints a rectangle and holds no text at all, like a scan. */
export function buildImageOnlyPdf(): Uint8Array {
  const content = '0.2 0.2 0.2 rg 50 50 495 742 re f';
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream(content),
  ]);
}

/**
 * A PDF protected by a password: its trailer points to a standard security handler whose keys match
 * no empty password, so a reader must ask for one.
 */
export function buildEncryptedPdf(): Uint8Array {
  const key = `<${'7f'.repeat(32)}>`;
  const id = '<0123456789abcdef0123456789abcdef>';
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 1 /R 2 /O ${key} /U ${key} /P -4 >>`,
    ],
    `/Encrypt 4 0 R /ID [${id} ${id}] `,
  );
}
