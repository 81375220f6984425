import type { ResidualRisk } from '../assessment/engine.ts'

/**
 * The engine's residual risk (contract v1.1) as the app shows it, in the dashboard, the reports and
 * their PDFs. The scale and its order are the engine's (`RESIDUAL_RISKS`); this module adds only words.
 */
export const RESIDUAL_RISK_LABELS: Record<ResidualRisk, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
}
