import { useEffect, useRef } from 'react'
import type { AutosaveQueue } from './autosave-queue.ts'

/**
 * No edit is lost when the vendor leaves: while anything is unsaved the browser asks before the
 * page is closed or reloaded (`beforeunload`), and when the page is hidden or goes away
 * (`visibilitychange`, `pagehide`) the answers still waiting for the typing pause are handed to
 * the queue and everything waiting is sent at once, as `keepalive` requests that outlive the page.
 * `pending()` hands over the answers being typed and says whether there were any.
 */
export function useLeaveGuard({
  queue,
  pending,
  warning,
}: {
  queue: AutosaveQueue | null
  pending: () => boolean
  warning: string
}) {
  const latest = useRef({ pending, warning })
  latest.current = { pending, warning }
  useEffect(() => {
    if (!queue) return
    const unsaved = () => queue.state().unsaved > 0
    const warn = (event: BeforeUnloadEvent) => {
      if (!latest.current.pending() && !unsaved()) return
      // Hand over now: if the person leaves anyway, `pagehide` sends it.
      event.preventDefault()
      event.returnValue = latest.current.warning
      return latest.current.warning
    }
    const flush = () => {
      latest.current.pending()
      queue.flush()
    }
    const hidden = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    window.addEventListener('beforeunload', warn)
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', hidden)
    return () => {
      window.removeEventListener('beforeunload', warn)
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', hidden)
    }
  }, [queue])
}
