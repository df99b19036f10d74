import type { IngestionFailure, IngestionFailureCode, IngestOptions } from '@mileva/contracts';
import type { EmbeddingProvider } from '@mileva/embeddings';
import { isThemeCode, matchThemes } from '@mileva/rh-taxonomy';
import { chunkBlocks } from '@mileva/text-fr';
import { createHash } from 'node:crypto';
import { DEFAULT_PARSE_LIMITS, parseDocument, ParseError, type ParsedDocument, type ParseLimits } from '../parsers';
import type { DocumentStore } from '../store/document-store';
import type { SourceFile } from './source-file';
import { storableVector } from './storable-vector';

export type FileOutcome =
  | { readonly status: 'ingested' | 'updated'; readonly documentId: string; readonly version: number; readonly chunks: number; readonly pages: number }
  | { readonly status: 'unchanged'; readonly documentId: string; readonly version: number; readonly chunks: 0; readonly pages: 0 }
  | { readonly status: 'failed'; readonly failure: IngestionFailure };

/** Chunks embedded per call of the embedding provider. */
const EMBED_BATCH = 64;

/** Failure of one file, with a code and a French message saying what to do. */
export class IngestionError extends Error {
  constructor(
    readonly code: IngestionFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'IngestionError';
  }
}

/**
 * Ingests one file: size check, content hash (an unchanged file does nothing), parse, chunk,
 * embed, store — the store writes a version in one transaction, so nothing half-ingested remains.
 */
export class DocumentIngester {
  private readonly limits: ParseLimits;

  constructor(
    private readonly store: DocumentStore,
    private readonly embedder: EmbeddingProvider,
    maxFileBytes: number,
  ) {
    this.limits = { ...DEFAULT_PARSE_LIMITS, maxBytes: maxFileBytes };
  }

  async ingest(file: SourceFile, options: IngestOptions): Promise<FileOutcome> {
    try {
      return await this.ingestOrThrow(file, options);
    } catch (error) {
      return { status: 'failed', failure: { file: file.name, ...describeFailure(error) } };
    }
  }

  private async ingestOrThrow(file: SourceFile, options: IngestOptions): Promise<FileOutcome> {
    if (file.size !== undefined && file.size > this.limits.maxBytes) {
      throw new IngestionError('FILE_TOO_LARGE', tooLargeMessage(file.name, file.size, this.limits.maxBytes));
    }
    let bytes: Uint8Array;
    try {
      bytes = await file.read();
    } catch (error) {
      throw new IngestionError('READ_FAILED', `Impossible de lire ${file.name} (${error instanceof Error ? error.message : String(error)}). Vérifiez le chemin et les droits.`);
    }
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    const active = await this.store.findActive(options.corpus, file.sourceUri);
    if (active?.contentHash === contentHash) {
      return { status: 'unchanged', documentId: active.id, version: active.version, chunks: 0, pages: 0 };
    }
    const parsed = await parseDocument({ bytes, fileName: file.name }, this.limits);
    const chunks = chunkBlocks(parsed.blocks);
    if (chunks.length === 0) {
      throw new IngestionError('NO_CONTENT', `${file.name} ne contient aucun texte exploitable après lecture. Vérifiez le fichier.`);
    }
    const vectors = await this.embed(
      chunks.map((chunk) => [...(chunk.headingPath[0] === parsed.title ? [] : [parsed.title]), ...chunk.headingPath, chunk.text].join('\n')),
      file.name,
    );
    const saved = await this.store.saveVersion({
      corpus: options.corpus,
      title: parsed.title,
      sourceUri: file.sourceUri,
      theme: options.theme ?? inferTheme(parsed),
      validFrom: options.validFrom ?? null,
      validTo: options.validTo ?? null,
      contentHash,
      mimeType: parsed.mimeType,
      pages: parsed.pages ?? null,
      kind: 'document',
      embeddingModel: this.embedder.id,
      embeddingDim: this.embedder.dimension,
      chunks: chunks.map((chunk, index) => ({
        ordinal: chunk.ordinal,
        // The document title heads every path: citations read "Titre > Section", and title words are searchable.
        headingPath: chunk.headingPath[0] === parsed.title ? chunk.headingPath : [parsed.title, ...chunk.headingPath],
        text: chunk.text,
        page: chunk.page,
        pageEnd: chunk.pageEnd !== chunk.page ? chunk.pageEnd : undefined,
        embedding: storableVector(vectors[index]),
      })),
    });
    return { status: saved.replaced ? 'updated' : 'ingested', documentId: saved.id, version: saved.version, chunks: chunks.length, pages: parsed.pages ?? 0 };
  }

  private async embed(texts: string[], fileName: string): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    try {
      for (let start = 0; start < texts.length; start += EMBED_BATCH) {
        vectors.push(...(await this.embedder.embed(texts.slice(start, start + EMBED_BATCH), 'document')));
      }
    } catch (error) {
      throw new IngestionError('EMBEDDING_FAILED', `Vectorisation impossible pour ${fileName} : ${error instanceof Error ? error.message : String(error)}`);
    }
    return vectors;
  }
}

/** The theme of a document from its title and first passages, when the expert gave none. */
export function inferTheme(parsed: ParsedDocument): string | null {
  const head = [parsed.title, ...parsed.blocks.slice(0, 12).map((block) => block.text)].join('\n');
  const [best] = matchThemes(head);
  return best && isThemeCode(best.code) ? best.code : null;
}

function tooLargeMessage(name: string, size: number, max: number): string {
  const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
  return `${name} pèse ${mb(size)} Mo, au-delà de la limite de ${mb(max)} Mo (MILEVA_INGEST_MAX_FILE_MB). Découpez le document ou relevez la limite.`;
}

function describeFailure(error: unknown): { code: IngestionFailureCode; message: string } {
  if (error instanceof IngestionError || error instanceof ParseError) return { code: error.code, message: error.message };
  const reason = error instanceof Error ? error.message : String(error);
  return { code: 'STORAGE_FAILED', message: `Enregistrement impossible : ${reason}. Réessayez ; rien n’a été conservé de ce fichier.` };
}
