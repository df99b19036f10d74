import {
  FEEDBACK_COMMENT_MAX_CHARS,
  FEEDBACK_REASONS,
  FEEDBACK_MINUTES_MAX,
  FeedbackOutcome,
  FeedbackReason,
  FeedbackRequest,
} from '../../core/api.model';

export const REASON_LABELS: Readonly<Record<FeedbackReason, string>> = {
  incomplete: 'Incomplète',
  wrong: 'Erronée',
  outdated_source: 'Source périmée',
  no_source: 'Sans source',
  too_long: 'Trop longue',
  other: 'Autre',
};

export const OUTCOME_LABELS: Readonly<Record<FeedbackOutcome, string>> = {
  sent_as_is: 'Envoyée telle quelle',
  edited: 'Modifiée',
  not_used: 'Non utilisée',
};

/** What the feedback form holds, as typed. */
export interface FeedbackDraft {
  readonly useful: boolean | null;
  readonly reasons: readonly FeedbackReason[];
  readonly outcome: FeedbackOutcome | null;
  /** The minutes field as typed (may be empty). */
  readonly minutes: string;
  readonly comment: string;
}

export type FeedbackCheck =
  | { readonly ok: true; readonly request: FeedbackRequest }
  | { readonly ok: false; readonly errors: Partial<Record<'useful' | 'minutes' | 'comment', string>> };

/**
 * The request body of a filled form, or what to correct. Optional fields are left out when empty; reasons are
 * sent only for a draft marked not useful.
 */
export function toFeedbackRequest(form: FeedbackDraft): FeedbackCheck {
  const errors: Partial<Record<'useful' | 'minutes' | 'comment', string>> = {};
  if (form.useful === null) errors.useful = 'Indiquez si le brouillon vous a été utile.';
  const minutesText = form.minutes.trim();
  const minutes = minutesText === '' ? undefined : Number(minutesText.replace(',', '.'));
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 0 || minutes > FEEDBACK_MINUTES_MAX)) {
    errors.minutes = `Indiquez un nombre entier de minutes, entre 0 et ${FEEDBACK_MINUTES_MAX}.`;
  }
  const comment = form.comment.trim();
  if (comment.length > FEEDBACK_COMMENT_MAX_CHARS) {
    errors.comment = `Le commentaire dépasse ${FEEDBACK_COMMENT_MAX_CHARS} caractères : raccourcissez-le.`;
  }
  if (form.useful === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      useful: form.useful,
      ...(!form.useful && form.reasons.length > 0 ? { reasons: FEEDBACK_REASONS.filter((reason) => form.reasons.includes(reason)) } : {}),
      ...(form.outcome ? { outcome: form.outcome } : {}),
      ...(minutes !== undefined ? { minutesSaved: minutes } : {}),
      ...(comment !== '' ? { comment } : {}),
    },
  };
}
