import path from 'node:path'
import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig, type Plugin } from 'vite'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

/**
 * Emits the PDF worker thread's entry (app/reports/pdf/pdf-worker.ts) as build/server/pdf-worker.js
 * in the server build, beside index.js: the server starts it with `new Worker()` (see
 * app/reports/pdf/pdf-pool.server.ts). Same externals as the server bundle (react-pdf stays in
 * node_modules, STACK.md gotcha 3).
 */
function pdfWorker(): Plugin {
  let ssr = false
  return {
    name: 'shoreline-pdf-worker',
    apply: 'build',
    configResolved(config) {
      ssr = Boolean(config.build.ssr)
    },
    buildStart() {
      if (!ssr) return
      this.emitFile({
        type: 'chunk',
        id: path.resolve('app/reports/pdf/pdf-worker.ts'),
        fileName: 'pdf-worker.js',
      })
    },
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    pdfWorker(),
  ],
})
