import { type ComponentType, createElement, lazy } from 'react'

// Scripts that HTML the server already rendered needs before React hydrates it (README decision 94).
// A part of the page loaded apart (`lazy`) and rendered by the server would otherwise hydrate later
// than the rest: any update reaching it meanwhile makes React throw its markup away and render it
// afresh (React's error 421), and with it whatever the person had typed there.
const pending: Promise<unknown>[] = []

/** Settles once every script a component below asked for has loaded or failed (entry.client awaits it). */
export function beforeHydration(): Promise<void> {
  return Promise.allSettled(pending).then(() => undefined)
}

/**
 * A component whose script the browser loads apart: before hydration when `renderedByServer()` says
 * the page's HTML holds it, else on its first render (inside a `Suspense`). Once loaded, it renders
 * directly, never suspending again. The server imports the component itself instead.
 */
export function loadedApart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  renderedByServer: () => boolean,
): ComponentType<P> {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<ComponentType<P>> | undefined
  const loadOnce = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined // a failed download is tried again on the next render
        throw error
      },
    )
    return loading
  }
  if (renderedByServer()) pending.push(loadOnce())
  const Lazy = lazy(() => loadOnce().then((component) => ({ default: component })))
  // biome-ignore lint/correctness/noComponentHookFactories: made once per module as it loads, like `lazy`
  return function LoadedApart(props: P) {
    return createElement((loaded ?? Lazy) as ComponentType<P>, props)
  }
}
