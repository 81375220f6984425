/** Stamped on every assessment so a stored result can be reproduced with the same engine and rules. */
// 1.1.0: contract v1.1 (sanctions, residual risk, three-valued fail-safe rules, rules dated by law).
export const ENGINE_VERSION = '1.1.0'
// The rules release: every regime pack carries it as its `version`.
export const RULES_VERSION = '2026.12'
