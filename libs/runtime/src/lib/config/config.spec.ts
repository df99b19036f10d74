import { assertSignInReady, ConfigError, loadConfig } from './config';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('should give the standalone defaults when nothing is set', () => {
    const config = loadConfig({}, { cwd: '/srv/mileva', version: '1.2.3' });
    expect(config).toMatchObject({
      mode: 'standalone',
      http: { port: 3000 },
      database: { url: undefined, dataDir: '/srv/mileva/data', poolSize: 4 },
      corpus: 'national',
      corpora: ['national'],
      version: '1.2.3',
    });
  });

  it('should switch to the distributed mode when MILEVA_NATS_URL is set', () => {
    const config = loadConfig({ MILEVA_NATS_URL: 'nats://a:4222, nats://b:4222', MILEVA_CORPUS: 'lyon', MILEVA_CORPORA: 'national,lyon' });
    expect(config.mode).toBe('distributed');
    expect(config.nats.servers).toEqual(['nats://a:4222', 'nats://b:4222']);
    expect(config.corpus).toBe('lyon');
    expect(config.corpora).toEqual(['national', 'lyon']);
  });

  it('should keep pseudonymization sessions for 30 idle minutes, 10,000 at most, unless told otherwise', () => {
    expect(loadConfig({}).pseudonymization).toEqual({ maxSessions: 10_000, idleMs: 30 * 60_000 });
    expect(loadConfig({ MILEVA_PSEUDONYM_SESSIONS_MAX: '50', MILEVA_PSEUDONYM_IDLE_MINUTES: '2.5' }).pseudonymization).toEqual({ maxSessions: 50, idleMs: 150_000 });
  });

  it('should write drafts without a model by default', () => {
    expect(loadConfig({}).generation).toEqual({ provider: 'extractive', timeoutMs: 60_000, maxRetries: 3, maxTokens: 1_500 });
  });

  it('should describe an OpenAI-compatible model server with its limits and prices', () => {
    const config = loadConfig({
      MILEVA_LLM_PROVIDER: 'openai',
      MILEVA_LLM_URL: 'http://localhost:11434/v1',
      MILEVA_LLM_MODEL: 'mistral-small',
      MILEVA_LLM_TIMEOUT_MS: '30000',
      MILEVA_LLM_MAX_RETRIES: '0',
      MILEVA_LLM_MAX_TOKENS: '800',
      MILEVA_LLM_PRICE_INPUT_EUR: '0.15',
      MILEVA_LLM_PRICE_OUTPUT_EUR: '0.6',
    });
    expect(config.generation).toEqual({
      provider: 'openai',
      baseUrl: 'http://localhost:11434/v1',
      apiKey: undefined,
      model: 'mistral-small',
      timeoutMs: 30_000,
      maxRetries: 0,
      maxTokens: 800,
      priceInputEurPerMillion: 0.15,
      priceOutputEurPerMillion: 0.6,
    });
  });

  it('should accept the public Anthropic API with a key and no URL', () => {
    const generation = loadConfig({ MILEVA_LLM_PROVIDER: 'anthropic', MILEVA_LLM_API_KEY: 'sk-ant-secret', MILEVA_LLM_MODEL: 'claude-sonnet' }).generation;
    expect(generation).toMatchObject({ provider: 'anthropic', baseUrl: undefined, apiKey: 'sk-ant-secret', model: 'claude-sonnet' });
  });

  it('should require MILEVA_LLM_MODEL with a model provider, and say how to do without one', () => {
    const error = configError({ MILEVA_LLM_PROVIDER: 'openai', MILEVA_LLM_URL: 'http://localhost:8000/v1' });
    expect(error.variable).toBe('MILEVA_LLM_MODEL');
    expect(error.message).toContain('MILEVA_LLM_PROVIDER=extractive');
  });

  it('should require a URL or a key with a model provider', () => {
    const error = configError({ MILEVA_LLM_PROVIDER: 'anthropic', MILEVA_LLM_MODEL: 'claude-sonnet' });
    expect(error.variable).toBe('MILEVA_LLM_URL');
    expect(error.message).toContain('MILEVA_LLM_API_KEY');
  });

  it('should sign browsers in for 8 hours with the development sign-in and keep conversations 30 days by default', () => {
    const config = loadConfig({});
    expect(config.signIn).toEqual({ sessionSecret: undefined, sessionTtlMs: 8 * 3_600_000, oidc: undefined });
    expect(config.conversations.retentionMs).toBe(30 * 86_400_000);
    expect(loadConfig({ MILEVA_CONVERSATION_RETENTION_DAYS: '7' }).conversations.retentionMs).toBe(7 * 86_400_000);
    expect(config.conversations.feedbackCommentRetentionMs).toBe(90 * 86_400_000);
    expect(loadConfig({ MILEVA_FEEDBACK_COMMENT_RETENTION_DAYS: '14' }).conversations.feedbackCommentRetentionMs).toBe(14 * 86_400_000);
  });

  it('should describe an OIDC provider with default claim names, or with the claim paths given', () => {
    const oidc = { MILEVA_OIDC_ISSUER: 'https://idp.example.fr/realms/mileva', MILEVA_OIDC_CLIENT_ID: 'mileva', MILEVA_OIDC_REDIRECT_URI: 'https://mileva.example.fr/api/v1/session/oidc/callback' };
    expect(loadConfig(oidc).signIn.oidc).toEqual({
      issuer: 'https://idp.example.fr/realms/mileva',
      clientId: 'mileva',
      clientSecret: undefined,
      redirectUri: 'https://mileva.example.fr/api/v1/session/oidc/callback',
      scope: 'openid profile',
      claims: { academie: 'academie', roles: 'roles', name: 'name' },
    });
    expect(loadConfig({ ...oidc, MILEVA_OIDC_CLAIM_ROLES: 'realm_access.roles', MILEVA_OIDC_CLAIM_ACADEMIE: 'rne_academie' }).signIn.oidc?.claims).toEqual({
      academie: 'rne_academie',
      roles: 'realm_access.roles',
      name: 'name',
    });
    expect(configError({ MILEVA_OIDC_ISSUER: oidc.MILEVA_OIDC_ISSUER, MILEVA_OIDC_CLIENT_ID: 'mileva' }).variable).toBe('MILEVA_OIDC_REDIRECT_URI');
  });

  describe('assertSignInReady', () => {
    const ready = {
      NODE_ENV: 'production',
      MILEVA_SESSION_SECRET: 'k'.repeat(48),
      MILEVA_OIDC_ISSUER: 'https://idp.example.fr',
      MILEVA_OIDC_CLIENT_ID: 'mileva',
      MILEVA_OIDC_REDIRECT_URI: 'https://mileva.example.fr/api/v1/session/oidc/callback',
    };
    const problem = (env: NodeJS.ProcessEnv): string | undefined => {
      try {
        assertSignInReady(loadConfig(env));
        return undefined;
      } catch (error) {
        if (error instanceof ConfigError) return error.variable;
        throw error;
      }
    };

    it('should let a development gateway start with the development sign-in and a random key', () => {
      expect(problem({})).toBeUndefined();
      expect(problem({ NODE_ENV: 'test' })).toBeUndefined();
    });

    it('should refuse a production gateway without the session secret, or with the development sign-in', () => {
      expect(problem(ready)).toBeUndefined();
      expect(problem({ ...ready, MILEVA_SESSION_SECRET: '' })).toBe('MILEVA_SESSION_SECRET');
      expect(problem({ ...ready, MILEVA_OIDC_ISSUER: '' })).toBe('MILEVA_OIDC_ISSUER');
    });

    it('should refuse a production gateway talking to its identity provider without TLS', () => {
      expect(problem({ ...ready, MILEVA_OIDC_ISSUER: 'http://idp.example.fr' })).toBe('MILEVA_OIDC_ISSUER');
      expect(problem({ ...ready, MILEVA_OIDC_REDIRECT_URI: 'http://mileva.example.fr/api/v1/session/oidc/callback' })).toBe('MILEVA_OIDC_REDIRECT_URI');
    });
  });

  it('should treat empty variables as unset', () => {
    expect(loadConfig({ MILEVA_DATABASE_URL: '', MILEVA_NATS_URL: '  ' }).mode).toBe('standalone');
  });

  it('should name MILEVA_DATABASE_URL and the scheme received for an unknown scheme', () => {
    const error = configError({ MILEVA_DATABASE_URL: 'mysql://user:secret@db/mileva' });
    expect(error.variable).toBe('MILEVA_DATABASE_URL');
    expect(error.message).toContain('mysql://');
    expect(error.message).not.toContain('secret');
  });

  it.each([
    [{ MILEVA_NATS_URL: 'http://nats:4222' }, 'MILEVA_NATS_URL'],
    [{ MILEVA_PORT: 'abc' }, 'MILEVA_PORT'],
    [{ MILEVA_PORT: '70000' }, 'MILEVA_PORT'],
    [{ MILEVA_CORPUS: 'paris-nord' }, 'MILEVA_CORPUS'],
    [{ MILEVA_CORPORA: 'national,atlantide' }, 'MILEVA_CORPORA'],
    [{ MILEVA_LOG_LEVEL: 'loud' }, 'MILEVA_LOG_LEVEL'],
    [{ MILEVA_REQUEST_TIMEOUT_MS: '5' }, 'MILEVA_REQUEST_TIMEOUT_MS'],
    [{ MILEVA_PSEUDONYM_SESSIONS_MAX: '0' }, 'MILEVA_PSEUDONYM_SESSIONS_MAX'],
    [{ MILEVA_PSEUDONYM_IDLE_MINUTES: 'jamais' }, 'MILEVA_PSEUDONYM_IDLE_MINUTES'],
    [{ MILEVA_LLM_PROVIDER: 'gpt' }, 'MILEVA_LLM_PROVIDER'],
    [{ MILEVA_LLM_URL: 'localhost:11434' }, 'MILEVA_LLM_URL'],
    [{ MILEVA_LLM_TIMEOUT_MS: '10' }, 'MILEVA_LLM_TIMEOUT_MS'],
    [{ MILEVA_LLM_TIMEOUT_MS: 'une minute' }, 'MILEVA_LLM_TIMEOUT_MS'],
    [{ MILEVA_LLM_MAX_RETRIES: '-1' }, 'MILEVA_LLM_MAX_RETRIES'],
    [{ MILEVA_LLM_MAX_RETRIES: '2.5' }, 'MILEVA_LLM_MAX_RETRIES'],
    [{ MILEVA_LLM_MAX_TOKENS: '0' }, 'MILEVA_LLM_MAX_TOKENS'],
    [{ MILEVA_LLM_PRICE_INPUT_EUR: '-0.1' }, 'MILEVA_LLM_PRICE_INPUT_EUR'],
    [{ MILEVA_LLM_PRICE_OUTPUT_EUR: 'gratuit' }, 'MILEVA_LLM_PRICE_OUTPUT_EUR'],
    [{ MILEVA_SESSION_SECRET: 'trop-court' }, 'MILEVA_SESSION_SECRET'],
    [{ MILEVA_SESSION_HOURS: '0' }, 'MILEVA_SESSION_HOURS'],
    [{ MILEVA_OIDC_ISSUER: 'idp.example.fr' }, 'MILEVA_OIDC_ISSUER'],
    [{ MILEVA_OIDC_ISSUER: 'https://idp.example.fr' }, 'MILEVA_OIDC_CLIENT_ID'],
    [{ MILEVA_OIDC_SCOPE: 'profile email' }, 'MILEVA_OIDC_SCOPE'],
    [{ MILEVA_CONVERSATION_RETENTION_DAYS: '-1' }, 'MILEVA_CONVERSATION_RETENTION_DAYS'],
    [{ MILEVA_FEEDBACK_COMMENT_RETENTION_DAYS: '0' }, 'MILEVA_FEEDBACK_COMMENT_RETENTION_DAYS'],
  ])('should reject %p naming %s', (env, variable) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });
});
