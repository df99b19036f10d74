import { compactIdentifier, isNirShaped, isValidIban, isValidIneBea, isValidNir, isValidSiren, isValidSiret } from '../checksums';
import type { Candidate } from '../entities';
import { foldedBefore } from '../text-scan';

const NIR = /(?<![\p{L}\d])[1-478][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2[ABab])[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?(?![\p{L}\d])/gu;
const NIR_CONTEXT = /(?:\bnir\b|securite sociale|\bsecu\b|\bn° ?(?:de )?ss\b|\bnumero (?:de )?ss\b|\binsee\b|immatriculation)[^\n]{0,40}$/;

/**
 * NIR (numéro de sécurité sociale): 13 characters and a 2-digit key, spaces or dots allowed. A valid
 * key is enough; a wrong key or a missing one needs the context ("NIR", "sécurité sociale", "sécu"…).
 */
export function recognizeNir(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/\d{3}/.test(text)) return found;
  for (const match of text.matchAll(NIR)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!isNirShaped(match[0])) continue;
    const compact = compactIdentifier(match[0]);
    let confidence = 0;
    if (compact.length === 15 && isValidNir(compact)) confidence = 0.99;
    else if (NIR_CONTEXT.test(foldedBefore(text, start, 60))) confidence = compact.length === 15 ? 0.8 : 0.85;
    if (confidence > 0) found.push({ start, end, type: 'NIR', confidence });
  }
  return found;
}

const NUMEN = /(?<![\p{L}\d])\d{2}[A-Z][ ]?\d{2}[ ]?\d{5}[ ]?[A-Z]{3}(?![\p{L}\d])/gu;
const NUMEN_LOOSE = /(?<![\p{L}\d])[0-9A-Za-z](?:[ ]?[0-9A-Za-z]){12}(?![\p{L}\d])/gu;
const NUMEN_CONTEXT = /\bnumen\b[^\n]{0,25}$/;

/**
 * NUMEN (identifiant de l'Éducation nationale): 13 characters, 2 digits, a letter, 7 digits and 3
 * letters, grouped or not. Any other 13-character code right after the word "NUMEN" counts too.
 */
export function recognizeNumen(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/\d/.test(text)) return found;
  for (const match of text.matchAll(NUMEN)) {
    const start = match.index;
    const context = NUMEN_CONTEXT.test(foldedBefore(text, start, 40));
    found.push({ start, end: start + match[0].length, type: 'NUMEN', confidence: context ? 0.99 : 0.95 });
  }
  if (!/numen/i.test(text)) return found;
  for (const match of text.matchAll(NUMEN_LOOSE)) {
    const start = match.index;
    const value = match[0];
    if (!/\d/.test(value) || !/[A-Za-z]/.test(value) || found.some((entity) => entity.start === start)) continue;
    if (NUMEN_CONTEXT.test(foldedBefore(text, start, 40))) found.push({ start, end: start + value.length, type: 'NUMEN', confidence: 0.85 });
  }
  return found;
}

const INE_BEA = /(?<![\p{L}\d])\d{10}[A-Za-z](?![\p{L}\d])/gu;
const INE_OTHER = /(?<![\p{L}\d])(?:\d{9}[A-Za-z]{2}|\d{4}[Aa]\d{5}[A-Za-z])(?![\p{L}\d])/gu;
const INE_CONTEXT = /(?:\bine\b|identifiant national (?:de l'|d'un |de l'|)(?:eleve|etudiant|apprenti))[^\n]{0,25}$/;

/**
 * INE (identifiant national élève/étudiant), 11 characters: 10 digits and a key letter (the number
 * mod 23 in an alphabet without I, O, Q), or the newer 9 digits + 2 letters and apprentices'
 * 4 digits + A + 5 digits + letter, which carry no public key and need the word "INE" before them.
 */
export function recognizeIne(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/\d{4}/.test(text)) return found;
  const context = (start: number): boolean => INE_CONTEXT.test(foldedBefore(text, start, 50));
  for (const match of text.matchAll(INE_BEA)) {
    const start = match.index;
    const valid = isValidIneBea(match[0]);
    const confidence = valid ? (context(start) ? 0.97 : 0.85) : context(start) ? 0.8 : 0;
    if (confidence > 0) found.push({ start, end: start + match[0].length, type: 'INE', confidence });
  }
  if (!/\bINE\b|identifiant national/i.test(text)) return found;
  for (const match of text.matchAll(INE_OTHER)) {
    if (context(match.index)) found.push({ start: match.index, end: match.index + match[0].length, type: 'INE', confidence: 0.85 });
  }
  return found;
}

const IBAN = /(?<![\p{L}\d])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?(?![\p{L}\d])/gu;
const IBAN_CONTEXT = /(?:\biban\b|\brib\b|\bcompte\b|bancaire|virement|versement)[^\n]{0,50}$/;

/**
 * IBAN, grouped by four or not: the country's length and the mod-97 key must hold. When they do not,
 * the longest valid prefix of whole groups is kept (the text may go on with a code), and a wrong key
 * after "IBAN", "RIB" or "compte" is still masked.
 */
export function recognizeIban(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/[A-Za-z]{2}\d{2}/.test(text)) return found;
  for (const match of text.matchAll(IBAN)) {
    const start = match.index;
    let value = match[0];
    while (value.length >= 15 && !isValidIban(value)) {
      const cut = value.lastIndexOf(' ');
      if (cut <= 4) break;
      value = value.slice(0, cut);
    }
    if (isValidIban(value)) {
      found.push({ start, end: start + value.length, type: 'IBAN', confidence: 0.99 });
    } else if (IBAN_CONTEXT.test(foldedBefore(text, start, 70)) && compactIdentifier(match[0]).length >= 15) {
      found.push({ start, end: start + match[0].length, type: 'IBAN', confidence: 0.75 });
    }
  }
  return found;
}

const SIRET = /(?<![\p{L}\d])\d{3}[ .]?\d{3}[ .]?\d{3}[ .]?\d{5}(?![\p{L}\d])/gu;
const SIREN = /(?<![\p{L}\d])\d{3}[ .]?\d{3}[ .]?\d{3}(?![\p{L}\d]|[ .]\d)/gu;
const COMPANY_CONTEXT = /(?:\bsiren\b|\bsiret\b|entreprise|societe|auto-?entrepreneur|micro-?entrepr|employeur|\bsas\b|\bsarl\b|\beurl\b|immatricul)[^\n]{0,50}$/;

/** SIRET (14 digits) and SIREN (9 digits), Luhn; a SIREN alone needs a company word before it. */
export function recognizeSirenSiret(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/\d{3}/.test(text)) return found;
  for (const match of text.matchAll(SIRET)) {
    if (!isValidSiret(match[0])) continue;
    const context = COMPANY_CONTEXT.test(foldedBefore(text, match.index, 70));
    found.push({ start: match.index, end: match.index + match[0].length, type: 'SIRET', confidence: context ? 0.97 : 0.8 });
  }
  for (const match of text.matchAll(SIREN)) {
    if (!isValidSiren(match[0]) || !COMPANY_CONTEXT.test(foldedBefore(text, match.index, 70))) continue;
    found.push({ start: match.index, end: match.index + match[0].length, type: 'SIREN', confidence: 0.9 });
  }
  return found;
}
