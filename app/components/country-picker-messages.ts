/** The country picker's words (client-safe, no country list): English here, the others in app/i18n/messages.ts. */
export type CountryPickerMessages = {
  /** Placeholder of the search box. */
  placeholder: string
  /** Label of the button that opens the whole list. */
  showAll: string
  noMatches: string
  /** Read out while typing: how many countries match. */
  matches: (count: number) => string
  /** The list of chosen countries (several). */
  chosen: string
  remove: (name: string) => string
  added: (name: string) => string
  removed: (name: string) => string
  /** The empty choice of the plain select (no JavaScript). */
  choose: string
}

export const ENGLISH_PICKER_MESSAGES: CountryPickerMessages = {
  placeholder: 'Type a country or its code',
  showAll: 'Show all countries',
  noMatches: 'No country matches. Try its name in English or Spanish, or its two-letter code.',
  matches: (count) => (count === 1 ? '1 country matches' : `${count} countries match`),
  chosen: 'Chosen countries',
  remove: (name) => `Remove ${name}`,
  added: (name) => `${name} added`,
  removed: (name) => `${name} removed`,
  choose: 'Choose…',
}
