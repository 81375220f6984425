/** Stamped on every assessment so a stored result can be reproduced with the same engine and rules. */
export const ENGINE_VERSION = '1.0.0'
export const RULES_VERSION = '2026.11'
