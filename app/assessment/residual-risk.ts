/**
 * The engine's residual-risk scale (contract v1.1), lowest first, in a leaf module: the appetite
 * policy (app/appetite/policy.ts) orders risks by it on the profile page and the dashboard, which
 * must not download the engine and its packs for four words (README decision 87). engine.ts
 * re-exports both names.
 */
export const RESIDUAL_RISKS = ['low', 'medium', 'high', 'critical'] as const
export type ResidualRisk = (typeof RESIDUAL_RISKS)[number]
