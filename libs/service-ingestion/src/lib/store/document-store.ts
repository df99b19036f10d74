import type { DocumentSummary } from '@mileva/contracts';
import type { DataSource, EntityManager } from 'typeorm';

/** A chunk ready to store: text, place in the document and its embedding. */
export interface ChunkToStore {
  readonly ordinal: number;
  readonly headingPath: readonly string[];
  readonly text: string;
  readonly page?: number;
  readonly pageEnd?: number;
  /** pgvector literal (`[0.1,…]`), or undefined when the chunk is stored without an embedding. */
  readonly embedding?: string;
}

export interface DocumentVersionToStore {
  readonly corpus: string;
  readonly title: string;
  readonly sourceUri: string;
  readonly theme: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly contentHash: string;
  readonly mimeType: string;
  readonly pages: number | null;
  readonly kind: 'document' | 'answer';
  readonly qaEntryId?: string;
  readonly embeddingModel: string;
  readonly embeddingDim: number;
  readonly chunks: readonly ChunkToStore[];
}

export interface ActiveDocument {
  readonly id: string;
  readonly contentHash: string;
  readonly version: number;
}

/** Theme and validity of a document: undefined leaves a field as it is, null clears it. */
export interface DocumentMetadataChange {
  readonly theme?: string | null;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
}

interface DocumentRow {
  id: string;
  corpus: string;
  title: string;
  source_uri: string;
  theme: string | null;
  valid_from: string | null;
  valid_to: string | null;
  version: number;
  status: DocumentSummary['status'];
  kind: DocumentSummary['kind'];
  pages: number | null;
  updated_at: Date;
  chunks: string;
}

const SUMMARY_SELECT = `SELECT d.id, d.corpus, d.title, d.source_uri, d.theme, to_char(d.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(d.valid_to, 'YYYY-MM-DD') AS valid_to,
       d.version, d.status, d.kind, d.pages, d.updated_at, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id) AS chunks
  FROM documents d`;

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    corpus: row.corpus,
    title: row.title,
    sourceUri: row.source_uri,
    theme: row.theme,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    version: row.version,
    status: row.status,
    kind: row.kind,
    chunks: Number(row.chunks),
    pages: row.pages,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Rows per INSERT of chunks: large enough to be fast, small enough for the parameter limit. */
const CHUNK_INSERT_BATCH = 100;

/**
 * Documents and chunks of the corpus store. Every write of a version is one transaction, so a
 * failure never leaves a half-ingested document.
 */
export class DocumentStore {
  constructor(private readonly dataSource: DataSource) {}

  async findActive(corpus: string, sourceUri: string): Promise<ActiveDocument | undefined> {
    const rows: { id: string; content_hash: string; version: number }[] = await this.dataSource.query(
      `SELECT id, content_hash, version FROM documents WHERE corpus = $1 AND source_uri = $2 AND status = 'active' ORDER BY version DESC LIMIT 1`,
      [corpus, sourceUri],
    );
    const row = rows[0];
    return row ? { id: row.id, contentHash: row.content_hash, version: row.version } : undefined;
  }

  /**
   * Stores a new version of a document: the previous active version (if any) becomes
   * `superseded` and stays for audit; the new one and its chunks are written; all or nothing.
   * Returns the new document id and whether it replaced an earlier version.
   */
  async saveVersion(document: DocumentVersionToStore): Promise<{ id: string; replaced: boolean; version: number }> {
    return this.dataSource.transaction(async (manager) => {
      const previous: { id: string; version: number; status: string }[] = await manager.query(
        `SELECT id, version, status FROM documents WHERE corpus = $1 AND source_uri = $2 ORDER BY version DESC LIMIT 1 FOR UPDATE`,
        [document.corpus, document.sourceUri],
      );
      const latest = previous[0];
      await manager.query(`UPDATE documents SET status = 'superseded', updated_at = now() WHERE corpus = $1 AND source_uri = $2 AND status = 'active'`, [
        document.corpus,
        document.sourceUri,
      ]);
      const version = (latest?.version ?? 0) + 1;
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO documents (corpus, title, source_uri, theme, valid_from, valid_to, version, content_hash, status, supersedes_id, mime_type, pages, kind, qa_entry_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $10, $11, $12, $13) RETURNING id`,
        [
          document.corpus,
          document.title,
          document.sourceUri,
          document.theme,
          document.validFrom,
          document.validTo,
          version,
          document.contentHash,
          latest?.id ?? null,
          document.mimeType,
          document.pages,
          document.kind,
          document.qaEntryId ?? null,
        ],
      );
      const id = inserted[0].id;
      await this.insertChunks(manager, id, document);
      return { id, replaced: latest !== undefined, version };
    });
  }

  /** Takes a document out of search. Returns false when no active document has this id in the corpus. */
  async withdraw(corpus: string, documentId: string): Promise<boolean> {
    // A CTE, so that the driver returns the rows (a bare UPDATE returns [rows, count]).
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH withdrawn AS (UPDATE documents SET status = 'withdrawn', updated_at = now() WHERE id = $1 AND corpus = $2 AND status = 'active' RETURNING id) SELECT id FROM withdrawn`,
      [documentId, corpus],
    );
    return rows.length > 0;
  }

  async list(corpus: string, includeInactive: boolean): Promise<DocumentSummary[]> {
    const rows: DocumentRow[] = await this.dataSource.query(
      `${SUMMARY_SELECT} WHERE d.corpus = $1 AND ($2::boolean OR d.status = 'active') AND d.status <> 'failed' ORDER BY d.title, d.version DESC`,
      [corpus, includeInactive],
    );
    return rows.map(toSummary);
  }

  /** One document of the corpus, whatever its status; undefined when the corpus has no such document. */
  async get(corpus: string, documentId: string): Promise<DocumentSummary | undefined> {
    const rows: DocumentRow[] = await this.dataSource.query(`${SUMMARY_SELECT} WHERE d.id = $1 AND d.corpus = $2`, [documentId, corpus]);
    return rows[0] ? toSummary(rows[0]) : undefined;
  }

  /**
   * Changes the theme and validity dates of an active document (a field left undefined stays) and
   * moves its `updated_at`: the search's corpus signature includes it, so the change is seen at
   * the next search. Returns undefined when no active document has this id in the corpus.
   */
  async updateMetadata(corpus: string, documentId: string, change: DocumentMetadataChange): Promise<DocumentSummary | undefined> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH changed AS (
         UPDATE documents
            SET theme = CASE WHEN $3::boolean THEN $4::text ELSE theme END,
                valid_from = CASE WHEN $5::boolean THEN $6::date ELSE valid_from END,
                valid_to = CASE WHEN $7::boolean THEN $8::date ELSE valid_to END,
                updated_at = clock_timestamp()
          WHERE id = $1 AND corpus = $2 AND status = 'active'
      RETURNING id)
       SELECT id FROM changed`,
      [
        documentId,
        corpus,
        change.theme !== undefined,
        change.theme ?? null,
        change.validFrom !== undefined,
        change.validFrom ?? null,
        change.validTo !== undefined,
        change.validTo ?? null,
      ],
    );
    return rows.length > 0 ? this.get(corpus, documentId) : undefined;
  }

  /** Counts of the corpus: active documents, and chunks of active documents. */
  async counts(corpus: string): Promise<{ documents: number; chunks: number }> {
    const rows: { documents: string; chunks: string }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM documents WHERE corpus = $1 AND status = 'active') AS documents,
              (SELECT count(*) FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.corpus = $1 AND d.status = 'active') AS chunks`,
      [corpus],
    );
    return { documents: Number(rows[0].documents), chunks: Number(rows[0].chunks) };
  }

  /** True when every active document of the corpus has a source URI starting with `prefix`. */
  async hasOnlySeedDocuments(corpus: string, prefix: string): Promise<boolean> {
    const rows: { other: string }[] = await this.dataSource.query(
      `SELECT count(*) AS other FROM documents WHERE corpus = $1 AND status = 'active' AND left(source_uri, length($2)) <> $2`,
      [corpus, prefix],
    );
    return Number(rows[0].other) === 0;
  }

  private async insertChunks(manager: EntityManager, documentId: string, document: DocumentVersionToStore): Promise<void> {
    for (let start = 0; start < document.chunks.length; start += CHUNK_INSERT_BATCH) {
      const batch = document.chunks.slice(start, start + CHUNK_INSERT_BATCH);
      const values: unknown[] = [];
      const rows = batch.map((chunk) => {
        const base = values.length;
        values.push(
          documentId,
          document.corpus,
          chunk.ordinal,
          [...chunk.headingPath],
          chunk.page ?? null,
          chunk.pageEnd ?? null,
          chunk.text,
          chunk.embedding ?? null,
          chunk.embedding ? document.embeddingModel : null,
          chunk.embedding ? document.embeddingDim : null,
        );
        const p = (i: number): string => `$${base + i}`;
        return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}::text[], ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}::halfvec, ${p(9)}, ${p(10)})`;
      });
      await manager.query(
        `INSERT INTO chunks (document_id, corpus, ordinal, heading_path, page, page_end, text, embedding, embedding_model, embedding_dim) VALUES ${rows.join(', ')}`,
        values,
      );
    }
  }
}
