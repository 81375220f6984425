import { useEffect, useState } from 'react'

/**
 * False in the server's render and in the browser's first render (so hydration matches), true from
 * the first effect on: for what only a page with JavaScript shows or needs.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}
