import { openDatabase } from '@mileva/persistence';
import type { MilevaConfig } from '@mileva/runtime';
import { SearchRepository } from '@mileva/service-retrieval';

export interface IndexBuildResult {
  readonly database: 'postgres' | 'embedded';
  readonly dimension: number;
  /** Vectors of that dimension the index covers. */
  readonly vectors: number;
  /** False when the index was already there. */
  readonly built: boolean;
  readonly seconds: number;
}

/**
 * Builds the HNSW index of the configured embeddings' vectors on the configured database, for a
 * corpus too large for the retrieval service to build it at startup. On the embedded database the
 * services must be stopped (its lock says so); on Postgres the build runs concurrently.
 */
export async function buildVectorIndex(config: MilevaConfig, onStart?: (vectors: number, dimension: number) => void): Promise<IndexBuildResult> {
  const dimension = config.embeddings.dimension;
  if (dimension === undefined) {
    throw new Error('MILEVA_EMBEDDINGS_DIMENSION : indiquez la dimension des vecteurs du modèle pour construire leur index.');
  }
  const database = await openDatabase({ ...config.database, poolSize: 1, applicationName: 'mileva-index' });
  try {
    const repository = new SearchRepository(database.dataSource);
    const vectors = await repository.countVectors(dimension);
    if (await repository.hasVectorIndex(dimension)) return { database: database.kind, dimension, vectors, built: false, seconds: 0 };
    onStart?.(vectors, dimension);
    const started = performance.now();
    await repository.ensureVectorIndex(dimension, { concurrently: database.kind === 'postgres' });
    return { database: database.kind, dimension, vectors, built: true, seconds: Math.round((performance.now() - started) / 100) / 10 };
  } finally {
    await database.close();
  }
}

/** The result as a French sentence. */
export function formatIndexBuild(result: IndexBuildResult): string {
  const vectors = result.vectors.toLocaleString('fr-FR');
  if (!result.built) return `L’index HNSW des vecteurs de ${result.dimension} dimensions existe déjà (${vectors} vecteurs).`;
  return `Index HNSW des ${vectors} vecteurs de ${result.dimension} dimensions construit en ${result.seconds.toLocaleString('fr-FR')} s.`;
}
