import type { DataSource } from 'typeorm';
import { Vocabulary, type CorpusStatistics } from './corpus-statistics';
import { parseTsvector, SECTION_WEIGHTS, type IndexedChunk, type IndexedDocument, type TsvEntry } from './text-index';

/** Filters every search applies: one corpus, active documents in force on a day. */
export interface SearchScope {
  readonly corpus: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
}

export interface RankedChunk {
  readonly id: string;
  readonly documentId: string;
  readonly score: number;
}

export interface ChunkRow {
  readonly id: string;
  readonly documentId: string;
  readonly corpus: string;
  readonly title: string;
  readonly sourceUri: string;
  readonly headingPath: string[];
  readonly text: string;
  readonly page: number | null;
  readonly pageEnd: number | null;
  readonly theme: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly kind: 'document' | 'answer';
  /** Lexemes of the chunk's search vector (for answerability). */
  readonly lexemes: string[];
  /** Lexemes of the document's title. */
  readonly titleLexemes: string[];
  /** The chunk's search vector with positions (for proximity); `lexemes` are its lexemes. */
  readonly terms: readonly TsvEntry[];
}

const IN_FORCE = `d.status = 'active' AND (d.valid_from IS NULL OR d.valid_from <= $2::date) AND (d.valid_to IS NULL OR d.valid_to >= $2::date)`;

/** A vector dimension as an SQL literal: an integer in the range pgvector accepts. */
function vectorDimension(dimension: number): number {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 4000) throw new RangeError(`Invalid vector dimension ${dimension}`);
  return dimension;
}

/**
 * The nearest chunks by cosine distance, ordered by distance alone so that the HNSW index on
 * `embedding::halfvec(<dimension>)` can serve it. Parameters: corpus, date, vector, model, limit.
 */
function nearestVectorsSql(dimension: number): string {
  return `SELECT c.id, c.document_id, (c.embedding::halfvec(${dimension})) <=> $3::halfvec(${dimension}) AS distance
            FROM chunks c JOIN documents d ON d.id = c.document_id
           WHERE c.corpus = $1 AND ${IN_FORCE} AND c.embedding_dim = ${dimension} AND c.embedding_model = $4
           ORDER BY distance
           LIMIT $5`;
}

/** Memory for an HNSW build: the graph of 100,000 vectors of 512 dimensions holds in it. */
const INDEX_BUILD_MEMORY = '512MB';

/** Quotes a lexeme for `to_tsquery('simple', …)`. */
function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
}

/** SQL of the search over the corpus store (Postgres full text and pgvector). */
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Corpora with documents in force, the national one first. */
  async corpora(): Promise<string[]> {
    const rows: { corpus: string }[] = await this.dataSource.query(
      `SELECT corpus FROM documents WHERE status = 'active' GROUP BY corpus ORDER BY corpus = 'national' DESC, corpus`,
    );
    return rows.map((row) => row.corpus);
  }

  /** Changes whenever a document of the corpus is added, replaced or withdrawn. */
  async signature(corpus: string): Promise<string> {
    const rows: { n: number; at: string }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n, coalesce(max(updated_at), 'epoch'::timestamptz)::text AS at FROM documents WHERE corpus = $1`,
      [corpus],
    );
    return `${rows[0].n}@${rows[0].at}`;
  }

  async statistics(corpus: string): Promise<CorpusStatistics> {
    const inner = `FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.corpus = %L AND d.status = ''active''`;
    const [count, lexemes, words, headings] = await Promise.all([
      this.dataSource.query(`SELECT count(*)::int AS n FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.corpus = $1 AND d.status = 'active'`, [corpus]) as Promise<
        { n: number }[]
      >,
      this.dataSource.query(`SELECT word, ndoc FROM ts_stat(format('SELECT c.tsv ${inner}', $1::text))`, [corpus]) as Promise<{ word: string; ndoc: number }[]>,
      this.dataSource.query(
        `SELECT word, ndoc, nentry FROM ts_stat(format('SELECT to_tsvector(''simple'', mileva_unaccent(lower(mileva_heading_text(c.heading_path) || '' '' || c.text))) ${inner}', $1::text))`,
        [corpus],
      ) as Promise<{ word: string; ndoc: number; nentry: number }[]>,
      this.dataSource.query(
        `SELECT DISTINCT h.heading FROM chunks c JOIN documents d ON d.id = c.document_id, unnest(c.heading_path) AS h(heading) WHERE c.corpus = $1 AND d.status = 'active'`,
        [corpus],
      ) as Promise<{ heading: string }[]>,
    ]);
    return {
      chunks: count[0].n,
      lexemeFrequency: new Map(lexemes.map((row) => [row.word, Number(row.ndoc)])),
      headings: headings.map((row) => row.heading),
      wordFrequency: new Map(words.map((row) => [row.word, Number(row.ndoc)])),
      vocabulary: new Vocabulary(new Map(words.filter((row) => /^[a-z]/.test(row.word)).map((row) => [row.word, Number(row.nentry)]))),
    };
  }

  /** Whether the corpus's documents in force contain each phrase (French lexemes in sequence). */
  async phrasesInCorpus(scope: SearchScope, phrases: readonly string[]): Promise<boolean[]> {
    if (phrases.length === 0) return [];
    const rows: { found: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM chunks c JOIN documents d ON d.id = c.document_id
                       WHERE c.corpus = $1 AND ${IN_FORCE} AND c.tsv @@ phraseto_tsquery('french', mileva_unaccent(p))) AS found
         FROM unnest($3::text[]) WITH ORDINALITY AS u(p, ord) ORDER BY ord`,
      [scope.corpus, scope.date, [...phrases]],
    );
    return rows.map((row) => row.found);
  }

  /** The French lexemes of each term, as the full-text index stores them. */
  async lexemesOf(terms: readonly string[]): Promise<string[][]> {
    if (terms.length === 0) return [];
    const rows: { ord: string; lexemes: string[] | null }[] = await this.dataSource.query(
      `SELECT ord, tsvector_to_array(to_tsvector('french', mileva_unaccent(t))) AS lexemes FROM unnest($1::text[]) WITH ORDINALITY AS u(t, ord) ORDER BY ord`,
      [[...terms]],
    );
    return rows.map((row) => row.lexemes ?? []);
  }

  /**
   * Full-text ranking: chunks matching any of the `selective` lexemes (all of them by default),
   * scored by the sum over all lexemes of weight × ts_rank (headings weigh more than body text,
   * longer chunks are normalized). Leaving the most common lexemes out of the match keeps the
   * number of chunks scored small on a large corpus; they still count in the score.
   */
  async textSearch(
    scope: SearchScope,
    lexemes: readonly string[],
    weights: readonly number[],
    limit: number,
    selective: readonly string[] = lexemes,
  ): Promise<RankedChunk[]> {
    if (lexemes.length === 0 || selective.length === 0) return [];
    const anyLexeme = selective.map(quoteLexeme).join(' | ');
    // ts_rank weights of D, C, B, A: headings (A) count more than body text (B).
    const sectionWeights = `{${SECTION_WEIGHTS.join(', ')}}`;
    const rows: { id: string; document_id: string; score: number }[] = await this.dataSource.query(
      `WITH q AS (SELECT to_tsquery('simple', l) AS query, w FROM unnest($3::text[], $4::float8[]) AS u(l, w))
       SELECT c.id, c.document_id, (SELECT sum(q.w * ts_rank('${sectionWeights}'::float4[], c.tsv, q.query, 1)) FROM q) AS score
         FROM chunks c JOIN documents d ON d.id = c.document_id
        WHERE c.corpus = $1 AND ${IN_FORCE} AND c.tsv @@ to_tsquery('simple', $5)
        ORDER BY score DESC, c.id
        LIMIT $6`,
      [scope.corpus, scope.date, lexemes.map(quoteLexeme), [...weights], anyLexeme, limit],
    );
    return rows.map((row) => ({ id: row.id, documentId: row.document_id, score: Number(row.score) }));
  }

  /** The corpus's active documents and their validity, for the in-memory full-text index. */
  async indexedDocuments(corpus: string): Promise<IndexedDocument[]> {
    const rows: { id: string; valid_from: string | null; valid_to: string | null }[] = await this.dataSource.query(
      `SELECT id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM documents WHERE corpus = $1 AND status = 'active'`,
      [corpus],
    );
    return rows.map((row) => ({ id: row.id, validFrom: row.valid_from, validTo: row.valid_to }));
  }

  /** A page of the corpus's active passages with their tsvector, in id order after `after`. */
  async indexedChunks(corpus: string, after: string | null, limit: number): Promise<IndexedChunk[]> {
    const rows: { id: string; document_id: string; tsv: string }[] = await this.dataSource.query(
      `SELECT c.id, c.document_id, c.tsv::text AS tsv FROM chunks c JOIN documents d ON d.id = c.document_id
        WHERE c.corpus = $1 AND d.status = 'active' AND ($2::uuid IS NULL OR c.id > $2::uuid)
        ORDER BY c.id LIMIT $3`,
      [corpus, after, limit],
    );
    return rows.map((row) => ({ id: row.id, documentId: row.document_id, tsv: row.tsv }));
  }

  /** Mean length, in words, of the body text of the corpus's passages in force (for BM25). */
  async averageBodyLength(scope: SearchScope): Promise<number> {
    const rows: { n: number | null }[] = await this.dataSource.query(
      `SELECT avg((SELECT sum(coalesce(array_length(u.positions, 1), 1)) FROM unnest(to_tsvector('simple', mileva_unaccent(lower(c.text)))) AS u))::float8 AS n
         FROM chunks c JOIN documents d ON d.id = c.document_id
        WHERE c.corpus = $1 AND ${IN_FORCE}`,
      [scope.corpus, scope.date],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Plain Okapi BM25 (k1 1.2, b 0.75) over the words of the body text of the passages, folded for
   * case and accents but not stemmed, without titles, headings or anything else: the baseline
   * every gain of the search is measured against. It reads every passage: for evaluation only.
   */
  async bm25Search(scope: SearchScope, lexemes: readonly string[], idfs: readonly number[], averageLength: number, limit: number): Promise<RankedChunk[]> {
    if (lexemes.length === 0 || averageLength <= 0) return [];
    const rows: { id: string; document_id: string; score: number }[] = await this.dataSource.query(
      `WITH q AS (SELECT l, w FROM unnest($3::text[], $4::float8[]) AS u(l, w)),
            body AS (
              SELECT c.id, c.document_id, v
                FROM chunks c JOIN documents d ON d.id = c.document_id, to_tsvector('simple', mileva_unaccent(lower(c.text))) AS v
               WHERE c.corpus = $1 AND ${IN_FORCE} AND v @@ to_tsquery('simple', $5)),
            terms AS (
              SELECT body.id, body.document_id, u.lexeme, coalesce(array_length(u.positions, 1), 1) AS tf,
                     sum(coalesce(array_length(u.positions, 1), 1)) OVER (PARTITION BY body.id) AS dl
                FROM body, unnest(body.v) AS u)
       SELECT t.id, t.document_id, sum(q.w * t.tf * 2.2 / (t.tf + 1.2 * (0.25 + 0.75 * t.dl / $6))) AS score
         FROM terms t JOIN q ON q.l = t.lexeme
        GROUP BY t.id, t.document_id
        ORDER BY score DESC, t.id
        LIMIT $7`,
      [scope.corpus, scope.date, [...lexemes], [...idfs], lexemes.map(quoteLexeme).join(' | '), averageLength, limit],
    );
    return rows.map((row) => ({ id: row.id, documentId: row.document_id, score: Number(row.score) }));
  }

  /**
   * Vector ranking: cosine distance to the query embedding, among chunks of the same model. The
   * distance is written on `embedding::halfvec(<dimension>)` so that the HNSW index built on that
   * expression (see {@link ensureVectorIndex}) serves it; without one it is an exact scan. With the
   * index, the candidate list is the number of chunks asked for, and pgvector's iterative scan
   * (0.8+) goes on past it when the corpus and validity filters leave too few; the results come in
   * approximate order, so they are sorted again.
   */
  async vectorSearch(scope: SearchScope, embedding: string, model: string, dimension: number, limit: number): Promise<RankedChunk[]> {
    const dim = vectorDimension(dimension);
    const rows: { id: string; document_id: string; distance: number }[] = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('hnsw.ef_search', $1, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`, [
        String(Math.min(Math.max(limit, 40), 1000)),
      ]);
      return manager.query(`WITH nearest AS MATERIALIZED (${nearestVectorsSql(dim)}) SELECT id, document_id, distance FROM nearest ORDER BY distance, id`, [
        scope.corpus,
        scope.date,
        embedding,
        model,
        limit,
      ]);
    });
    return rows.map((row) => ({ id: row.id, documentId: row.document_id, score: 1 - Number(row.distance) }));
  }

  /**
   * Whether the planner serves the vector ranking of {@link vectorSearch} from the HNSW index
   * (`EXPLAIN` of the same query with a stored vector). With `forced`, sequential scans are
   * disabled for the check: on a small table the planner rightly prefers them, and the question
   * is then only whether the index matches the query.
   */
  async vectorSearchUsesIndex(scope: SearchScope, model: string, dimension: number, options: { readonly forced?: boolean } = {}): Promise<boolean> {
    const dim = vectorDimension(dimension);
    return this.dataSource.transaction(async (manager) => {
      const [sample]: { embedding: string }[] = await manager.query(`SELECT embedding::text AS embedding FROM chunks WHERE embedding_dim = $1 LIMIT 1`, [dim]);
      if (!sample) return false;
      if (options.forced) await manager.query(`SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off`);
      const plan: { 'QUERY PLAN': string }[] = await manager.query(`EXPLAIN ${nearestVectorsSql(dim)}`, [scope.corpus, scope.date, sample.embedding, model, 100]);
      return plan.some((row) => row['QUERY PLAN'].includes(SearchRepository.vectorIndexName(dim)));
    });
  }

  /** Name of the HNSW index of the vectors of one dimension. */
  static vectorIndexName(dimension: number): string {
    return `idx_chunks_embedding_hnsw_${vectorDimension(dimension)}`;
  }

  /** Whether the HNSW index of one dimension exists (and is valid: a failed concurrent build leaves an invalid one). */
  async hasVectorIndex(dimension: number): Promise<boolean> {
    const rows: { valid: boolean }[] = await this.dataSource.query(
      `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE c.relname = $1 AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`,
      [SearchRepository.vectorIndexName(dimension)],
    );
    return rows[0]?.valid === true;
  }

  /** Chunks that carry a vector of one dimension. */
  async countVectors(dimension: number): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(`SELECT count(*)::int AS n FROM chunks WHERE embedding_dim = $1`, [vectorDimension(dimension)]);
    return rows[0].n;
  }

  /**
   * Builds (once) the HNSW index of the vectors of one dimension. On an empty or small table it is
   * quick, and new chunks then enter it as they are written; on a large table the build takes
   * minutes. `concurrently` (Postgres only, not inside a transaction) lets searches and writes go on
   * during the build. An invalid index left by a failed concurrent build stays until an operator
   * drops it (another process may be building it).
   */
  async ensureVectorIndex(dimension: number, options: { readonly concurrently?: boolean } = {}): Promise<void> {
    const dim = vectorDimension(dimension);
    const name = SearchRepository.vectorIndexName(dim);
    if (await this.hasVectorIndex(dim)) return;
    const create = `CREATE INDEX ${options.concurrently ? 'CONCURRENTLY ' : ''}IF NOT EXISTS ${name} ON chunks USING hnsw ((embedding::halfvec(${dim})) halfvec_cosine_ops) WHERE embedding_dim = ${dim}`;
    // The graph must fit in maintenance_work_mem, or pgvector goes on with a far slower build.
    const raise = `SELECT set_config('maintenance_work_mem', $1, $2) WHERE current_setting('maintenance_work_mem')::text <> $1`;
    if (options.concurrently) {
      // Not in a transaction: the setting is the session's, on one connection, restored after the build.
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.query(raise, [INDEX_BUILD_MEMORY, false]);
        await runner.query(create);
      } finally {
        await runner.query(`RESET maintenance_work_mem`).catch(() => undefined);
        await runner.release();
      }
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(raise, [INDEX_BUILD_MEMORY, true]);
      await manager.query(create);
    });
  }

  async chunks(ids: readonly string[]): Promise<Map<string, ChunkRow>> {
    if (ids.length === 0) return new Map();
    const rows: {
      id: string;
      document_id: string;
      corpus: string;
      title: string;
      source_uri: string;
      heading_path: string[];
      text: string;
      page: number | null;
      page_end: number | null;
      theme: string | null;
      valid_from: string | null;
      valid_to: string | null;
      kind: 'document' | 'answer';
      title_lexemes: string[];
      tsv: string;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.document_id, c.corpus, d.title, d.source_uri, c.heading_path, c.text, c.page, c.page_end, d.theme,
              to_char(d.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(d.valid_to, 'YYYY-MM-DD') AS valid_to, d.kind,
              tsvector_to_array(to_tsvector('french', mileva_unaccent(d.title))) AS title_lexemes, c.tsv::text AS tsv
         FROM chunks c JOIN documents d ON d.id = c.document_id
        WHERE c.id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return new Map(
      rows.map((row) => {
        const terms = parseTsvector(row.tsv);
        const chunk: ChunkRow = {
          id: row.id,
          documentId: row.document_id,
          corpus: row.corpus,
          title: row.title,
          sourceUri: row.source_uri,
          headingPath: row.heading_path,
          text: row.text,
          page: row.page,
          pageEnd: row.page_end,
          theme: row.theme,
          validFrom: row.valid_from,
          validTo: row.valid_to,
          kind: row.kind,
          lexemes: terms.map((term) => term.lexeme),
          titleLexemes: row.title_lexemes,
          terms,
        };
        return [row.id, chunk];
      }),
    );
  }
}
