/** Name of the service as shown to users (header, page titles, mentions). */
export const APP_NAME = 'MILEVA';

export const APP_TAGLINE = 'Aide à la réponse aux questions RH des personnels';

/** Bloc marque: the DSFR renders the Marianne and the motto around this label; `<br>` splits its lines. */
export const MINISTRY_LOGO_LABEL = "Ministère<br>de l'Éducation<br>nationale";

export const MINISTRY_NAME = "Ministère de l'Éducation nationale";

/** Mention every draft answer carries (see docs/architecture.md, "Rules that come from the field"). */
export const AI_USE_MENTION =
  "Réponse préparée avec l'aide de MILEVA, outil d'intelligence artificielle, et vérifiée par le gestionnaire";
