/**
 * Unicode's explicit bidirectional controls: the embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) and the invisible marks (U+200E, U+200F, U+061C). In a vendor's or an
 * organisation's name they can make text display in another order than it is stored ("Acme",
 * U+202E, "exe.txt" displays as "Acme txt.exe"), so they are removed wherever a
 * name leaves the app in a document. Arabic or Hebrew names need none of them: the implicit
 * direction of their letters is kept.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '')
}

/** The same value with the bidirectional controls removed from every string in it (plain data only). */
export function stripBidiControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return stripBidiControls(value) as T
  if (Array.isArray(value)) return value.map(stripBidiControlsDeep) as T
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, stripBidiControlsDeep(v)])) as T
  }
  return value
}
