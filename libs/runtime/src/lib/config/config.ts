import type { GenerationSettings } from '@mileva/llm';
import { isCorpusCode, type CorpusCode } from '@mileva/rh-taxonomy';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

export type { GenerationSettings } from '@mileva/llm';

/** Raised when the environment does not describe a valid configuration. Its message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export type RunMode = 'standalone' | 'distributed';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Every setting of a MILEVA process, parsed once at start-up. Nothing else reads `process.env`. */
export interface MilevaConfig {
  readonly mode: RunMode;
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly http: { readonly port: number; readonly host: string };
  /** Port of the health endpoint of a service process in distributed mode (0 = none). */
  readonly healthPort: number;
  readonly database: {
    /** Postgres URL; undefined means the embedded database under `dataDir`. */
    readonly url: string | undefined;
    readonly dataDir: string;
    readonly poolSize: number;
  };
  readonly nats: { readonly servers: readonly string[] | undefined };
  /** Corpus served by a corpus service process (`national` or an académie code). */
  readonly corpus: CorpusCode;
  /** Corpora the gateway asks (their corpus services must run): `national` and académies with their own service. */
  readonly corpora: readonly CorpusCode[];
  readonly requestTimeoutMs: number;
  readonly log: { readonly level: LogLevel; readonly pretty: boolean };
  readonly instanceId: string;
  readonly version: string;
  readonly portalDir: string | undefined;
  readonly embeddings: EmbeddingsSettings;
  /** Who writes the drafts: the extractive composer (default, no model) or a model server. */
  readonly generation: GenerationSettings;
  readonly ingestion: {
    /** Largest file accepted, in bytes. */
    readonly maxFileBytes: number;
    /** Seed the national corpus from the bundled public fiches when the store is empty. */
    readonly seed: boolean;
  };
  /** Browser sign-in of the gateway: session cookie and, in production, the OIDC provider. */
  readonly signIn: SignInConfig;
  readonly conversations: {
    /** A conversation is deleted this long after its last message (its feedback stays, detached). */
    readonly retentionMs: number;
    /** The comment of a feedback is erased this long after the feedback was given (the rest stays). */
    readonly feedbackCommentRetentionMs: number;
  };
  /** Pseudonymization sessions the gateway keeps in memory, one per user and conversation. */
  readonly pseudonymization: {
    /** Most sessions held at once; the least recently used goes first beyond it. */
    readonly maxSessions: number;
    /** A session unused for this long is forgotten, with the personal data it maps. */
    readonly idleMs: number;
  };
}

/** How browsers sign in to the gateway. Production needs the secret and the OIDC provider. */
export interface SignInConfig {
  /** Key material of the session cookie (and of the users' keyed hashes); undefined: development only. */
  readonly sessionSecret: string | undefined;
  /** Lifetime of a browser session. */
  readonly sessionTtlMs: number;
  /** The identity provider; undefined: the development sign-in (pick a role and an académie). */
  readonly oidc: OidcConfig | undefined;
}

/** An OpenID Connect provider (authorization code flow with PKCE) and where its claims put the académie, roles and name. */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly redirectUri: string;
  readonly scope: string;
  /** Claim paths (dots go into objects: `realm_access.roles`). */
  readonly claims: { readonly academie: string; readonly roles: string; readonly name: string };
}

/** Which embedding model vectorizes chunks and queries. */
export type EmbeddingsSettings =
  | { readonly provider: 'hash'; readonly dimension: number }
  | {
      readonly provider: 'openai';
      readonly baseUrl: string;
      readonly apiKey: string | undefined;
      readonly model: string;
      readonly dimension: number | undefined;
      readonly batchSize: number;
      readonly timeoutMs: number;
    };

/** Description of every environment variable, for the README, `.env.example` and `--help`. */
export interface VariableDescription {
  readonly name: string;
  readonly description: string;
  readonly defaultValue?: string;
  readonly isSensitive: boolean;
}

export const CONFIG_VARIABLES: readonly VariableDescription[] = [
  { name: 'MILEVA_PORT', description: 'Port HTTP du portail et de l’API', defaultValue: '3000', isSensitive: false },
  { name: 'MILEVA_HOST', description: 'Adresse d’écoute HTTP', defaultValue: '0.0.0.0', isSensitive: false },
  { name: 'MILEVA_DATA_DIR', description: 'Dossier de la base embarquée (mode autonome)', defaultValue: './data', isSensitive: false },
  { name: 'MILEVA_DATABASE_URL', description: 'URL Postgres (postgres://…) ; absente : base embarquée', isSensitive: true },
  { name: 'MILEVA_DB_POOL_SIZE', description: 'Connexions Postgres par processus', defaultValue: '4', isSensitive: false },
  { name: 'MILEVA_NATS_URL', description: 'Serveurs NATS (nats://hôte:4222, séparés par des virgules) ; présente : mode distribué', isSensitive: false },
  { name: 'MILEVA_CORPUS', description: 'Corpus servi par un service de corpus (national ou code d’académie)', defaultValue: 'national', isSensitive: false },
  { name: 'MILEVA_CORPORA', description: 'Corpus interrogés par la passerelle en mode distribué (séparés par des virgules)', defaultValue: 'national', isSensitive: false },
  { name: 'MILEVA_REQUEST_TIMEOUT_MS', description: 'Délai maximal d’une requête entre services (ms)', defaultValue: '10000', isSensitive: false },
  { name: 'MILEVA_HEALTH_PORT', description: 'Port HTTP de santé d’un service en mode distribué (0 : aucun)', defaultValue: '0', isSensitive: false },
  { name: 'MILEVA_LOG_LEVEL', description: 'Niveau de journalisation (fatal, error, warn, info, debug, trace, silent)', defaultValue: 'info', isSensitive: false },
  { name: 'MILEVA_LOG_PRETTY', description: 'Journaux lisibles (true) ou JSON (false)', defaultValue: 'false', isSensitive: false },
  { name: 'MILEVA_INSTANCE_ID', description: 'Identifiant de l’instance dans les journaux et la santé', defaultValue: 'nom d’hôte et pid', isSensitive: false },
  { name: 'MILEVA_PORTAL_DIR', description: 'Dossier du portail construit servi par la passerelle', defaultValue: 'dist/apps/portal/browser', isSensitive: false },
  { name: 'MILEVA_EMBEDDINGS_PROVIDER', description: 'Vectorisation : hash (embarquée, sans modèle) ou openai (serveur /v1/embeddings compatible : Albert, Ollama, vLLM…)', defaultValue: 'hash', isSensitive: false },
  { name: 'MILEVA_EMBEDDINGS_URL', description: 'URL de base du serveur d’embeddings compatible OpenAI (ex. http://localhost:11434/v1)', isSensitive: false },
  { name: 'MILEVA_EMBEDDINGS_API_KEY', description: 'Clé du serveur d’embeddings, s’il en demande une', isSensitive: true },
  { name: 'MILEVA_EMBEDDINGS_MODEL', description: 'Modèle d’embeddings du serveur compatible OpenAI', isSensitive: false },
  { name: 'MILEVA_EMBEDDINGS_DIMENSION', description: 'Dimension des vecteurs (hash : 512 par défaut ; serveur : celle du modèle)', defaultValue: '512', isSensitive: false },
  { name: 'MILEVA_LLM_PROVIDER', description: 'Rédaction des brouillons : extractive (embarquée, sans modèle), openai (serveur compatible OpenAI : Albert, Mistral, vLLM, Ollama, OpenAI) ou anthropic', defaultValue: 'extractive', isSensitive: false },
  { name: 'MILEVA_LLM_URL', description: 'URL de base du fournisseur de modèle (ex. http://localhost:11434/v1 ; sans /v1 pour anthropic) ; absente : API publique du fournisseur', isSensitive: false },
  { name: 'MILEVA_LLM_API_KEY', description: 'Clé d’API du fournisseur de modèle (requise sans MILEVA_LLM_URL)', isSensitive: true },
  { name: 'MILEVA_LLM_MODEL', description: 'Modèle qui rédige les brouillons, requis avec openai ou anthropic', isSensitive: false },
  { name: 'MILEVA_LLM_TIMEOUT_MS', description: 'Délai maximal d’une réponse du modèle, nouvelles tentatives comprises (ms)', defaultValue: '60000', isSensitive: false },
  { name: 'MILEVA_LLM_MAX_RETRIES', description: 'Nouvelles tentatives après une erreur 429, 5xx ou réseau, avant le premier mot reçu', defaultValue: '3', isSensitive: false },
  { name: 'MILEVA_LLM_MAX_TOKENS', description: 'Nombre maximal de jetons d’un brouillon rédigé par le modèle', defaultValue: '1500', isSensitive: false },
  { name: 'MILEVA_LLM_PRICE_INPUT_EUR', description: 'Prix d’un million de jetons lus par le modèle, en euros (calcul du coût par requête)', isSensitive: false },
  { name: 'MILEVA_LLM_PRICE_OUTPUT_EUR', description: 'Prix d’un million de jetons écrits par le modèle, en euros', isSensitive: false },
  { name: 'MILEVA_INGEST_MAX_FILE_MB', description: 'Taille maximale d’un fichier ingéré, en Mo', defaultValue: '50', isSensitive: false },
  { name: 'MILEVA_SEED', description: 'Amorcer le corpus national avec les fiches publiques fournies quand la base est vide', defaultValue: 'true', isSensitive: false },
  { name: 'MILEVA_PSEUDONYM_SESSIONS_MAX', description: 'Conversations dont la passerelle garde en mémoire les repères de pseudonymisation (au-delà, la plus ancienne est oubliée)', defaultValue: '10000', isSensitive: false },
  { name: 'MILEVA_PSEUDONYM_IDLE_MINUTES', description: 'Minutes d’inactivité après lesquelles la passerelle oublie les repères d’une conversation', defaultValue: '30', isSensitive: false },
  { name: 'MILEVA_SESSION_SECRET', description: 'Clé des cookies de session du portail (32 caractères au moins) ; obligatoire en production, tirée au hasard à chaque démarrage sinon', isSensitive: true },
  { name: 'MILEVA_SESSION_HOURS', description: 'Durée d’une session du portail, en heures', defaultValue: '8', isSensitive: false },
  { name: 'MILEVA_OIDC_ISSUER', description: 'Fournisseur d’identité OpenID Connect (URL de l’émetteur) ; obligatoire en production, absent : connexion de développement', isSensitive: false },
  { name: 'MILEVA_OIDC_CLIENT_ID', description: 'Identifiant client de MILEVA chez le fournisseur d’identité', isSensitive: false },
  { name: 'MILEVA_OIDC_CLIENT_SECRET', description: 'Secret client chez le fournisseur d’identité (absent : client public, PKCE seul)', isSensitive: true },
  { name: 'MILEVA_OIDC_REDIRECT_URI', description: 'Adresse de retour déclarée chez le fournisseur (https://…/api/v1/session/oidc/callback)', isSensitive: false },
  { name: 'MILEVA_OIDC_SCOPE', description: 'Portées demandées au fournisseur d’identité', defaultValue: 'openid profile', isSensitive: false },
  { name: 'MILEVA_OIDC_CLAIM_ACADEMIE', description: 'Revendication du jeton d’identité qui porte le code d’académie (ou national)', defaultValue: 'academie', isSensitive: false },
  { name: 'MILEVA_OIDC_CLAIM_ROLES', description: 'Revendication qui porte le ou les rôles MILEVA (liste ou texte ; chemin à points accepté)', defaultValue: 'roles', isSensitive: false },
  { name: 'MILEVA_OIDC_CLAIM_NAME', description: 'Revendication qui porte le nom affiché', defaultValue: 'name', isSensitive: false },
  { name: 'MILEVA_CONVERSATION_RETENTION_DAYS', description: 'Jours de conservation d’une conversation après son dernier message (les avis restent, détachés)', defaultValue: '30', isSensitive: false },
  { name: 'MILEVA_FEEDBACK_COMMENT_RETENTION_DAYS', description: 'Jours de conservation du commentaire d’un avis (effacé ensuite ; l’avis et les statistiques restent)', defaultValue: '90', isSensitive: false },
  { name: 'NODE_ENV', description: 'development, production ou test', defaultValue: 'development', isSensitive: false },
];

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'oui', 'non'])
  .transform((value) => ['true', '1', 'yes', 'oui'].includes(value));

function port(name: string, fallback: number) {
  return z.coerce
    .number({ error: `${name} doit être un numéro de port` })
    .int(`${name} doit être un entier`)
    .min(0, `${name} doit être compris entre 0 et 65535`)
    .max(65535, `${name} doit être compris entre 0 et 65535`)
    .default(fallback);
}

const envSchema = z.object({
  MILEVA_PORT: port('MILEVA_PORT', 3000),
  MILEVA_HOST: z.string().min(1).default('0.0.0.0'),
  MILEVA_HEALTH_PORT: port('MILEVA_HEALTH_PORT', 0),
  MILEVA_DATA_DIR: z.string().min(1).default('./data'),
  MILEVA_DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//i.test(value), {
      error: (issue) =>
        `MILEVA_DATABASE_URL doit commencer par postgres:// ou postgresql:// (reçu : « ${schemeOf(String(issue.input))} »)`,
    })
    .optional(),
  MILEVA_DB_POOL_SIZE: z.coerce.number().int().min(1, 'MILEVA_DB_POOL_SIZE doit valoir au moins 1').max(100).default(4),
  MILEVA_NATS_URL: z
    .string()
    .transform((value) => value.split(',').map((server) => server.trim()).filter(Boolean))
    .refine((servers) => servers.length > 0 && servers.every((server) => /^(nats|tls|wss?):\/\/[^/]+/i.test(server)), {
      error: 'MILEVA_NATS_URL doit contenir des URL nats://hôte:port séparées par des virgules',
    })
    .optional(),
  MILEVA_CORPUS: z
    .string()
    .default('national')
    .refine((value) => isCorpusCode(value), {
      error: (issue) => `MILEVA_CORPUS doit valoir « national » ou un code d’académie (reçu : « ${String(issue.input)} »)`,
    }),
  MILEVA_CORPORA: z
    .string()
    .default('national')
    .transform((value) => value.split(',').map((code) => code.trim()).filter(Boolean))
    .refine((codes) => codes.length > 0 && codes.every((code) => isCorpusCode(code)), {
      error: 'MILEVA_CORPORA doit lister « national » et/ou des codes d’académie séparés par des virgules',
    }),
  MILEVA_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100, 'MILEVA_REQUEST_TIMEOUT_MS doit valoir au moins 100').max(600_000).default(10_000),
  MILEVA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MILEVA_LOG_PRETTY: booleanString.default(false),
  MILEVA_PORTAL_DIR: z.string().min(1).optional(),
  MILEVA_INSTANCE_ID: z.string().min(1).optional(),
  MILEVA_EMBEDDINGS_PROVIDER: z.enum(['hash', 'openai'], { error: 'MILEVA_EMBEDDINGS_PROVIDER doit valoir « hash » ou « openai »' }).default('hash'),
  MILEVA_EMBEDDINGS_URL: z.url({ protocol: /^https?$/, error: 'MILEVA_EMBEDDINGS_URL doit être une URL http(s)://' }).optional(),
  MILEVA_EMBEDDINGS_API_KEY: z.string().optional(),
  MILEVA_EMBEDDINGS_MODEL: z.string().min(1).optional(),
  MILEVA_EMBEDDINGS_DIMENSION: z.coerce.number().int().min(8, 'MILEVA_EMBEDDINGS_DIMENSION doit valoir au moins 8').max(4000, 'MILEVA_EMBEDDINGS_DIMENSION ne peut dépasser 4000').optional(),
  MILEVA_LLM_PROVIDER: z
    .enum(['extractive', 'openai', 'anthropic'], { error: 'MILEVA_LLM_PROVIDER doit valoir « extractive », « openai » ou « anthropic »' })
    .default('extractive'),
  MILEVA_LLM_URL: z.url({ protocol: /^https?$/, error: 'MILEVA_LLM_URL doit être une URL http(s)://' }).optional(),
  MILEVA_LLM_API_KEY: z.string().optional(),
  MILEVA_LLM_MODEL: z.string().min(1).optional(),
  MILEVA_LLM_TIMEOUT_MS: z.coerce
    .number({ error: 'MILEVA_LLM_TIMEOUT_MS doit être un nombre de millisecondes' })
    .int('MILEVA_LLM_TIMEOUT_MS doit être un entier')
    .min(1_000, 'MILEVA_LLM_TIMEOUT_MS doit valoir au moins 1000')
    .max(600_000, 'MILEVA_LLM_TIMEOUT_MS ne peut dépasser 600000 (10 minutes)')
    .default(60_000),
  MILEVA_LLM_MAX_RETRIES: z.coerce
    .number({ error: 'MILEVA_LLM_MAX_RETRIES doit être un nombre' })
    .int('MILEVA_LLM_MAX_RETRIES doit être un entier')
    .min(0, 'MILEVA_LLM_MAX_RETRIES doit être positif ou nul')
    .max(10, 'MILEVA_LLM_MAX_RETRIES ne peut dépasser 10')
    .default(3),
  MILEVA_LLM_MAX_TOKENS: z.coerce
    .number({ error: 'MILEVA_LLM_MAX_TOKENS doit être un nombre' })
    .int('MILEVA_LLM_MAX_TOKENS doit être un entier')
    .min(16, 'MILEVA_LLM_MAX_TOKENS doit valoir au moins 16')
    .max(100_000, 'MILEVA_LLM_MAX_TOKENS ne peut dépasser 100000')
    .default(1_500),
  MILEVA_LLM_PRICE_INPUT_EUR: z.coerce
    .number({ error: 'MILEVA_LLM_PRICE_INPUT_EUR doit être un prix en euros (ex. 0.15)' })
    .nonnegative('MILEVA_LLM_PRICE_INPUT_EUR doit être positif ou nul')
    .optional(),
  MILEVA_LLM_PRICE_OUTPUT_EUR: z.coerce
    .number({ error: 'MILEVA_LLM_PRICE_OUTPUT_EUR doit être un prix en euros (ex. 0.60)' })
    .nonnegative('MILEVA_LLM_PRICE_OUTPUT_EUR doit être positif ou nul')
    .optional(),
  MILEVA_INGEST_MAX_FILE_MB: z.coerce.number().positive('MILEVA_INGEST_MAX_FILE_MB doit être positif').max(2048).default(50),
  MILEVA_SEED: booleanString.default(true),
  MILEVA_PSEUDONYM_SESSIONS_MAX: z.coerce
    .number()
    .int('MILEVA_PSEUDONYM_SESSIONS_MAX doit être un entier')
    .min(1, 'MILEVA_PSEUDONYM_SESSIONS_MAX doit valoir au moins 1')
    .max(1_000_000, 'MILEVA_PSEUDONYM_SESSIONS_MAX ne peut dépasser 1 000 000')
    .default(10_000),
  MILEVA_PSEUDONYM_IDLE_MINUTES: z.coerce
    .number()
    .positive('MILEVA_PSEUDONYM_IDLE_MINUTES doit être positif')
    .max(24 * 60, 'MILEVA_PSEUDONYM_IDLE_MINUTES ne peut dépasser 1440 (un jour)')
    .default(30),
  MILEVA_SESSION_SECRET: z.string().min(32, 'MILEVA_SESSION_SECRET doit compter au moins 32 caractères (ex. : openssl rand -base64 48)').optional(),
  MILEVA_SESSION_HOURS: z.coerce
    .number({ error: 'MILEVA_SESSION_HOURS doit être un nombre d’heures' })
    .positive('MILEVA_SESSION_HOURS doit être positif')
    .max(24 * 30, 'MILEVA_SESSION_HOURS ne peut dépasser 720 (30 jours)')
    .default(8),
  MILEVA_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'MILEVA_OIDC_ISSUER doit être une URL http(s)://' }).optional(),
  MILEVA_OIDC_CLIENT_ID: z.string().min(1).optional(),
  MILEVA_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  MILEVA_OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/, error: 'MILEVA_OIDC_REDIRECT_URI doit être une URL http(s)://' }).optional(),
  MILEVA_OIDC_SCOPE: z
    .string()
    .default('openid profile')
    .refine((value) => value.split(/\s+/).includes('openid'), { error: 'MILEVA_OIDC_SCOPE doit contenir « openid »' }),
  MILEVA_OIDC_CLAIM_ACADEMIE: z.string().min(1).default('academie'),
  MILEVA_OIDC_CLAIM_ROLES: z.string().min(1).default('roles'),
  MILEVA_OIDC_CLAIM_NAME: z.string().min(1).default('name'),
  MILEVA_CONVERSATION_RETENTION_DAYS: z.coerce
    .number({ error: 'MILEVA_CONVERSATION_RETENTION_DAYS doit être un nombre de jours' })
    .positive('MILEVA_CONVERSATION_RETENTION_DAYS doit être positif')
    .max(3_650, 'MILEVA_CONVERSATION_RETENTION_DAYS ne peut dépasser 3650 (dix ans)')
    .default(30),
  MILEVA_FEEDBACK_COMMENT_RETENTION_DAYS: z.coerce
    .number({ error: 'MILEVA_FEEDBACK_COMMENT_RETENTION_DAYS doit être un nombre de jours' })
    .positive('MILEVA_FEEDBACK_COMMENT_RETENTION_DAYS doit être positif')
    .max(3_650, 'MILEVA_FEEDBACK_COMMENT_RETENTION_DAYS ne peut dépasser 3650 (dix ans)')
    .default(90),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

function schemeOf(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return match ? `${match[1]}://` : url.slice(0, 20);
}

/**
 * Parses the environment once. Throws a {@link ConfigError} naming the first bad variable;
 * empty strings count as unset.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  defaults: { readonly version?: string; readonly cwd?: string } = {},
): MilevaConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => (key.startsWith('MILEVA_') || key === 'NODE_ENV') && value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environnement');
    const message = issue?.message.includes(variable) ? issue.message : `${variable} : ${issue?.message ?? 'valeur invalide'}`;
    throw new ConfigError(variable, `Configuration invalide — ${message}`);
  }
  const values = parsed.data;
  const cwd = defaults.cwd ?? process.cwd();
  return {
    mode: values.MILEVA_NATS_URL ? 'distributed' : 'standalone',
    nodeEnv: values.NODE_ENV,
    http: { port: values.MILEVA_PORT, host: values.MILEVA_HOST },
    healthPort: values.MILEVA_HEALTH_PORT,
    database: {
      url: values.MILEVA_DATABASE_URL,
      dataDir: resolve(cwd, values.MILEVA_DATA_DIR),
      poolSize: values.MILEVA_DB_POOL_SIZE,
    },
    nats: { servers: values.MILEVA_NATS_URL },
    corpus: values.MILEVA_CORPUS as CorpusCode,
    corpora: values.MILEVA_CORPORA as CorpusCode[],
    requestTimeoutMs: values.MILEVA_REQUEST_TIMEOUT_MS,
    log: { level: values.MILEVA_LOG_LEVEL, pretty: values.MILEVA_LOG_PRETTY },
    instanceId: values.MILEVA_INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    version: defaults.version ?? '0.0.0',
    portalDir: values.MILEVA_PORTAL_DIR ? resolve(cwd, values.MILEVA_PORTAL_DIR) : undefined,
    embeddings: embeddingsSettings(values),
    generation: generationSettings(values),
    ingestion: { maxFileBytes: Math.round(values.MILEVA_INGEST_MAX_FILE_MB * 1024 * 1024), seed: values.MILEVA_SEED },
    signIn: signInConfig(values),
    conversations: {
      retentionMs: Math.round(values.MILEVA_CONVERSATION_RETENTION_DAYS * 86_400_000),
      feedbackCommentRetentionMs: Math.round(values.MILEVA_FEEDBACK_COMMENT_RETENTION_DAYS * 86_400_000),
    },
    pseudonymization: { maxSessions: values.MILEVA_PSEUDONYM_SESSIONS_MAX, idleMs: Math.round(values.MILEVA_PSEUDONYM_IDLE_MINUTES * 60_000) },
  };
}

/**
 * What a gateway needs before it serves browsers in production: the session secret and an OIDC
 * provider reached over HTTPS (the development sign-in, which lets anyone pick a role and an
 * académie, never runs there). Other services do not sign anyone in and do not call this.
 */
export function assertSignInReady(config: MilevaConfig): void {
  if (config.nodeEnv !== 'production') return;
  const { sessionSecret, oidc } = config.signIn;
  if (!sessionSecret) {
    throw new ConfigError('MILEVA_SESSION_SECRET', 'Configuration invalide — MILEVA_SESSION_SECRET est requis en production : une clé d’au moins 32 caractères (ex. : openssl rand -base64 48)');
  }
  if (!oidc) {
    throw new ConfigError(
      'MILEVA_OIDC_ISSUER',
      'Configuration invalide — MILEVA_OIDC_ISSUER est requis en production : la connexion de développement (choix libre du rôle et de l’académie) y est interdite',
    );
  }
  if (new URL(oidc.issuer).protocol !== 'https:') {
    throw new ConfigError('MILEVA_OIDC_ISSUER', 'Configuration invalide — MILEVA_OIDC_ISSUER doit être une URL https:// en production');
  }
  if (new URL(oidc.redirectUri).protocol !== 'https:') {
    throw new ConfigError('MILEVA_OIDC_REDIRECT_URI', 'Configuration invalide — MILEVA_OIDC_REDIRECT_URI doit être une URL https:// en production');
  }
}

function signInConfig(values: z.infer<typeof envSchema>): SignInConfig {
  const sessionTtlMs = Math.round(values.MILEVA_SESSION_HOURS * 3_600_000);
  if (!values.MILEVA_OIDC_ISSUER) {
    return { sessionSecret: values.MILEVA_SESSION_SECRET, sessionTtlMs, oidc: undefined };
  }
  for (const variable of ['MILEVA_OIDC_CLIENT_ID', 'MILEVA_OIDC_REDIRECT_URI'] as const) {
    if (!values[variable]) {
      throw new ConfigError(variable, `Configuration invalide — ${variable} est requis avec MILEVA_OIDC_ISSUER`);
    }
  }
  return {
    sessionSecret: values.MILEVA_SESSION_SECRET,
    sessionTtlMs,
    oidc: {
      issuer: values.MILEVA_OIDC_ISSUER,
      clientId: values.MILEVA_OIDC_CLIENT_ID ?? '',
      clientSecret: values.MILEVA_OIDC_CLIENT_SECRET,
      redirectUri: values.MILEVA_OIDC_REDIRECT_URI ?? '',
      scope: values.MILEVA_OIDC_SCOPE,
      claims: { academie: values.MILEVA_OIDC_CLAIM_ACADEMIE, roles: values.MILEVA_OIDC_CLAIM_ROLES, name: values.MILEVA_OIDC_CLAIM_NAME },
    },
  };
}

function embeddingsSettings(values: z.infer<typeof envSchema>): EmbeddingsSettings {
  if (values.MILEVA_EMBEDDINGS_PROVIDER === 'hash') {
    return { provider: 'hash', dimension: values.MILEVA_EMBEDDINGS_DIMENSION ?? 512 };
  }
  if (!values.MILEVA_EMBEDDINGS_URL) {
    throw new ConfigError('MILEVA_EMBEDDINGS_URL', 'Configuration invalide — MILEVA_EMBEDDINGS_URL est requis avec MILEVA_EMBEDDINGS_PROVIDER=openai');
  }
  if (!values.MILEVA_EMBEDDINGS_MODEL) {
    throw new ConfigError('MILEVA_EMBEDDINGS_MODEL', 'Configuration invalide — MILEVA_EMBEDDINGS_MODEL est requis avec MILEVA_EMBEDDINGS_PROVIDER=openai');
  }
  return {
    provider: 'openai',
    baseUrl: values.MILEVA_EMBEDDINGS_URL,
    apiKey: values.MILEVA_EMBEDDINGS_API_KEY,
    model: values.MILEVA_EMBEDDINGS_MODEL,
    dimension: values.MILEVA_EMBEDDINGS_DIMENSION,
    batchSize: 32,
    timeoutMs: values.MILEVA_REQUEST_TIMEOUT_MS,
  };
}

function generationSettings(values: z.infer<typeof envSchema>): GenerationSettings {
  const limits = { timeoutMs: values.MILEVA_LLM_TIMEOUT_MS, maxRetries: values.MILEVA_LLM_MAX_RETRIES, maxTokens: values.MILEVA_LLM_MAX_TOKENS };
  const provider = values.MILEVA_LLM_PROVIDER;
  if (provider === 'extractive') {
    return { provider, ...limits };
  }
  if (!values.MILEVA_LLM_MODEL) {
    throw new ConfigError(
      'MILEVA_LLM_MODEL',
      `Configuration invalide — MILEVA_LLM_MODEL est requis avec MILEVA_LLM_PROVIDER=${provider} : indiquez le modèle qui rédige les brouillons, ou MILEVA_LLM_PROVIDER=extractive pour rédiger sans modèle`,
    );
  }
  if (!values.MILEVA_LLM_URL && !values.MILEVA_LLM_API_KEY) {
    throw new ConfigError(
      'MILEVA_LLM_URL',
      `Configuration invalide — MILEVA_LLM_URL ou MILEVA_LLM_API_KEY est requis avec MILEVA_LLM_PROVIDER=${provider} : indiquez l’URL du serveur (ex. http://localhost:11434/v1), ou la clé d’API pour l’API publique du fournisseur`,
    );
  }
  return {
    provider,
    ...limits,
    baseUrl: values.MILEVA_LLM_URL,
    apiKey: values.MILEVA_LLM_API_KEY,
    model: values.MILEVA_LLM_MODEL,
    priceInputEurPerMillion: values.MILEVA_LLM_PRICE_INPUT_EUR,
    priceOutputEurPerMillion: values.MILEVA_LLM_PRICE_OUTPUT_EUR,
  };
}
