import { type Messages, messagesFor } from './messages.ts'
import { useLocale } from './use-locale.tsx'

/** Every vendor text in the current vendor page's language (only the vendor area's pages load them). */
export function useMessages(): Messages {
  return messagesFor(useLocale())
}
