import { SUPPORTED_EXTENSIONS } from './parsed-document';

export type ParseErrorCode =
  | 'EMPTY_FILE'
  | 'FILE_TOO_LARGE'
  | 'UNSUPPORTED_FORMAT'
  | 'EXTENSION_MISMATCH'
  | 'CORRUPT_FILE'
  | 'ENCRYPTED_PDF'
  | 'NO_TEXT_LAYER'
  | 'ZIP_BOMB'
  | 'INVALID_ENCODING';

/** A file could not be parsed. `message` is French, meant for the user: what is wrong and what to do. */
export class ParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Formats a byte count the French way: "850 octets", "12 ko", "1,5 Mo". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} octets`;
  const units = ['ko', 'Mo', 'Go', 'To'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${String(rounded).replace('.', ',')} ${units[unit]}`;
}

const SUPPORTED_LIST = SUPPORTED_EXTENSIONS.join(', ');

const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.tif', '.tiff', '.bmp', '.webp', '.heic', '.svg'];
const WORD_PROCESSOR_EXTENSIONS = ['.odt', '.rtf', '.pages', '.wpd', '.wps', '.dotx', '.docm'];
const SPREADSHEET_EXTENSIONS = ['.xls', '.xlsx', '.ods', '.csv'];
const PRESENTATION_EXTENSIONS = ['.ppt', '.pptx', '.odp'];

function conversionAdvice(extension: string): string {
  if (extension === '') {
    return "Le fichier n'a pas d'extension : renommez-le avec l'extension de son format (par exemple .pdf ou .docx).";
  }
  if (extension === '.doc') {
    return "C'est l'ancien format Word : ouvrez-le dans Word ou LibreOffice et enregistrez-le au format .docx (ou exportez-le en PDF).";
  }
  if (WORD_PROCESSOR_EXTENSIONS.includes(extension)) {
    return 'Ouvrez-le dans son traitement de texte et enregistrez-le au format .docx, ou exportez-le en PDF.';
  }
  if (IMAGE_EXTENSIONS.includes(extension)) {
    return "C'est une image : MILEVA ne fait pas de reconnaissance de caractères (OCR). Fournissez le document d'origine en PDF texte ou en .docx.";
  }
  if (SPREADSHEET_EXTENSIONS.includes(extension)) {
    return 'Exportez le tableau en PDF, ou copiez-le dans un document .docx.';
  }
  if (PRESENTATION_EXTENSIONS.includes(extension)) {
    return 'Exportez la présentation en PDF.';
  }
  return 'Convertissez-le en PDF ou en .docx.';
}

/** Builders of every error `parseDocument` raises, so messages stay consistent. */
export const parseErrors = {
  emptyFile(fileName: string): ParseError {
    return new ParseError(
      'EMPTY_FILE',
      `Le fichier ${fileName} est vide : il ne contient aucun texte. Vérifiez que vous avez déposé le bon fichier, ou réenregistrez-le depuis son application d'origine.`,
    );
  },

  noReadableText(fileName: string): ParseError {
    return new ParseError(
      'EMPTY_FILE',
      `Le fichier ${fileName} ne contient aucun texte exploitable. Vérifiez que vous avez déposé le bon fichier (le texte n'est-il pas dans une image ?).`,
    );
  },

  fileTooLarge(fileName: string, size: number, maxBytes: number): ParseError {
    return new ParseError(
      'FILE_TOO_LARGE',
      `Le fichier ${fileName} pèse ${formatBytes(size)}, au-delà de la limite de ${formatBytes(maxBytes)}. Découpez-le en plusieurs documents ou retirez-en les images, puis déposez-le à nouveau.`,
    );
  },

  unsupportedFormat(fileName: string, extension: string): ParseError {
    const shown = extension === '' ? 'sans extension' : `« ${extension} »`;
    return new ParseError(
      'UNSUPPORTED_FORMAT',
      `Le format ${shown} du fichier ${fileName} n'est pas pris en charge. ${conversionAdvice(extension)} Formats acceptés : ${SUPPORTED_LIST}.`,
    );
  },

  extensionMismatch(fileName: string, expected: string, actual: string, hint?: string): ParseError {
    const advice = hint ?? 'Vérifiez l\'extension ou déposez le bon fichier.';
    return new ParseError('EXTENSION_MISMATCH', `Le fichier ${fileName} n'est pas ${expected} (contenu : ${actual}). ${advice}`);
  },

  corruptFile(fileName: string, detail: string, cause?: unknown): ParseError {
    return new ParseError(
      'CORRUPT_FILE',
      `Le fichier ${fileName} est endommagé ou illisible (${detail}). Ouvrez-le dans son application d'origine pour le vérifier, réenregistrez-le puis déposez-le à nouveau.`,
      { cause },
    );
  },

  encryptedPdf(fileName: string, cause?: unknown): ParseError {
    return new ParseError(
      'ENCRYPTED_PDF',
      `Le PDF ${fileName} est protégé par un mot de passe et ne peut pas être lu. Fournissez une version sans mot de passe (ouvrez-le, puis « Imprimer » > « Enregistrer au format PDF »).`,
      { cause },
    );
  },

  noTextLayer(fileName: string): ParseError {
    return new ParseError(
      'NO_TEXT_LAYER',
      `Ce PDF (${fileName}) ne contient pas de texte (document numérisé ?) : la reconnaissance de caractères (OCR) n'est pas faite par MILEVA. Fournissez une version texte.`,
    );
  },

  zipBomb(fileName: string, reason: string): ParseError {
    return new ParseError(
      'ZIP_BOMB',
      `Le fichier ${fileName} est refusé : ${reason}. S'il s'agit d'un vrai document, réduisez sa taille (retirez les images, découpez-le) et déposez-le à nouveau ; sinon ne l'utilisez pas, il peut être malveillant.`,
    );
  },

  invalidEncoding(fileName: string, byteOffset: number): ParseError {
    return new ParseError(
      'INVALID_ENCODING',
      `Le fichier ${fileName} n'est pas un texte lisible : son encodage n'est ni UTF-8 ni Windows-1252 (octet invalide en position ${byteOffset}). Ouvrez-le dans un éditeur de texte et enregistrez-le en UTF-8.`,
    );
  },
} as const;
