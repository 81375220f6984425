/**
 * The languages of the vendor's pages and questionnaires. A module of its own, free of zod, so the
 * root bundle (which reads the locale on every page) does not load the questionnaire's schemas.
 */
export const LOCALES = ['en', 'es', 'zh'] as const
export type Locale = (typeof LOCALES)[number]
