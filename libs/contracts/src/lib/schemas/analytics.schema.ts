import { isCorpusCode, isThemeCode } from '@mileva/rh-taxonomy';
import { z } from 'zod';
import {
  ANALYTICS_BREAKDOWNS,
  ANALYTICS_CONTRACT_VERSION,
  ANALYTICS_GRANULARITIES,
  ANALYTICS_NO_THEME,
} from '../analytics';
import { FEEDBACK_MINUTES_MAX, FEEDBACK_OUTCOMES, FEEDBACK_REASONS } from '../conversations';

const isoDate = z.iso.date({ error: 'date attendue au format AAAA-MM-JJ' });
const academie = z.string().refine(isCorpusCode, { error: 'académie inconnue : donnez un code d’académie ou national' });
const theme = z.string().refine((value) => value === ANALYTICS_NO_THEME || isThemeCode(value), { error: `thème inconnu : donnez un code de thème ou ${ANALYTICS_NO_THEME}` });
const count = z.number().int().min(0).max(1_000_000);

/** Fields of every event: identifiers and codes only, no free text. */
const base = {
  v: z.literal(ANALYTICS_CONTRACT_VERSION),
  eventId: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  academie,
};

/** Fields of the events a user causes: a keyed hash instead of any identifier. */
const ofUser = {
  ...base,
  theme,
  userHash: z.string().regex(/^[0-9a-f]{64}$/, 'empreinte d’utilisateur attendue (64 caractères hexadécimaux)'),
  answerRef: z.uuid(),
};

const ofDocument = {
  ...base,
  theme: z.string().refine(isThemeCode, { error: 'thème inconnu' }).nullable(),
  documentRef: z.uuid(),
};

/**
 * An analytics event as the analytics service accepts it. Objects are strict: a field that is not
 * in the contract (a text, a name…) makes the event invalid rather than stored.
 */
export const AnalyticsEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...ofUser, type: z.literal('question.asked'), themeChosen: z.boolean() }),
  z.strictObject({
    ...ofUser,
    type: z.literal('answer.delivered'),
    provider: z.enum(['openai', 'anthropic', 'extractive']),
    answerable: z.boolean(),
    refused: z.boolean(),
    fallback: z.boolean(),
    degraded: z.boolean(),
    latencyMs: z.number().int().min(0).max(3_600_000),
    sources: count,
    unsupportedCitations: count,
  }),
  z.strictObject({
    ...ofUser,
    type: z.literal('feedback.given'),
    useful: z.boolean(),
    reasons: z.array(z.enum(FEEDBACK_REASONS)).max(FEEDBACK_REASONS.length),
    outcome: z.enum(FEEDBACK_OUTCOMES).nullable(),
    commented: z.boolean(),
  }),
  z.strictObject({ ...ofUser, type: z.literal('time-saved.declared'), minutes: z.number().int().min(0).max(FEEDBACK_MINUTES_MAX) }),
  z.strictObject({ ...ofDocument, type: z.literal('document.ingested'), kind: z.enum(['document', 'answer']), version: z.number().int().min(1), chunks: count }),
  z.strictObject({ ...ofDocument, type: z.literal('document.withdrawn') }),
]);

/** Longest period, in days, an aggregates request may cover, per granularity. */
export const ANALYTICS_MAX_DAYS = { day: 366, week: 3 * 366, month: 10 * 366 } as const;

const breakdowns = z
  .array(z.enum(ANALYTICS_BREAKDOWNS, { error: `regroupement attendu : ${ANALYTICS_BREAKDOWNS.join(' ou ')}` }))
  .max(ANALYTICS_BREAKDOWNS.length)
  .refine((by) => new Set(by).size === by.length, { error: 'un regroupement est donné deux fois' });

function periodWithinBounds(request: { granularity: keyof typeof ANALYTICS_MAX_DAYS; from: string; to: string }): boolean {
  const days = (Date.parse(request.to) - Date.parse(request.from)) / 86_400_000;
  return days >= 0 && days < ANALYTICS_MAX_DAYS[request.granularity];
}

const PERIOD_ERROR = {
  error: `période invalide : « to » doit suivre « from », sur au plus ${ANALYTICS_MAX_DAYS.day} jours par jour, ${ANALYTICS_MAX_DAYS.week} par semaine, ${ANALYTICS_MAX_DAYS.month} par mois`,
  path: ['to'],
};

export const AggregatesRequestSchema = z
  .strictObject({
    v: z.literal(ANALYTICS_CONTRACT_VERSION),
    granularity: z.enum(ANALYTICS_GRANULARITIES),
    from: isoDate,
    to: isoDate,
    academie: academie.optional(),
    theme: theme.optional(),
    by: breakdowns,
  })
  .refine(periodWithinBounds, PERIOD_ERROR);

/** Query string of `GET /api/v1/analytics/aggregates` (`by=academie,theme`, `format=csv`). */
export const AggregatesQuerySchema = z
  .strictObject({
    granularity: z.enum(ANALYTICS_GRANULARITIES, { error: `granularity doit valoir ${ANALYTICS_GRANULARITIES.join(', ')}` }).default('week'),
    from: isoDate,
    to: isoDate,
    academie: academie.optional(),
    theme: theme.optional(),
    by: z
      .string()
      .optional()
      .transform((value) => (value ? value.split(',').map((part) => part.trim()).filter(Boolean) : []))
      .pipe(breakdowns),
    format: z.enum(['json', 'csv'], { error: 'format doit valoir json ou csv' }).default('json'),
  })
  .refine(periodWithinBounds, PERIOD_ERROR);

/** Query string of `GET /api/v1/analytics/gaps`. */
export const GapsQuerySchema = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    theme: theme.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { error: '« to » précède « from »', path: ['to'] });
