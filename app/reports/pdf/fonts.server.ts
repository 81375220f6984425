import { createRequire } from 'node:module'
import path from 'node:path'
import { Font } from '@react-pdf/renderer'

/**
 * Fonts embedded in every PDF, read from local files of npm packages (no network at render time):
 * DejaVu Sans (TTF) for Latin, Greek and Cyrillic text and symbols, with Noto Sans Hans (OTF) as a
 * fallback for Chinese vendor names. react-pdf reads TTF/OTF/WOFF, not WOFF2.
 */

export const PDF_FONT_FAMILY = ['DejaVu Sans', 'Noto Sans Hans']

let registered = false

function fontFiles() {
  const require = createRequire(import.meta.url)
  const dejavu = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))
  // The package exports only its JS entry; the fonts sit beside its dist/ folder.
  const noto = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts')
  return {
    regular: path.join(dejavu, 'DejaVuSans.ttf'),
    bold: path.join(dejavu, 'DejaVuSans-Bold.ttf'),
    oblique: path.join(dejavu, 'DejaVuSans-Oblique.ttf'),
    cjkRegular: path.join(noto, 'NotoSansHans-Regular.otf'),
    cjkBold: path.join(noto, 'NotoSansHans-Bold.otf'),
  }
}

export function registerPdfFonts(): void {
  if (registered) return
  const files = fontFiles()
  Font.register({
    family: 'DejaVu Sans',
    fonts: [
      { src: files.regular, fontWeight: 400 },
      { src: files.bold, fontWeight: 700 },
      { src: files.oblique, fontWeight: 400, fontStyle: 'italic' },
    ],
  })
  Font.register({
    family: 'Noto Sans Hans',
    fonts: [
      { src: files.cjkRegular, fontWeight: 400 },
      { src: files.cjkBold, fontWeight: 700 },
      { src: files.cjkRegular, fontWeight: 400, fontStyle: 'italic' },
    ],
  })
  // Citations and ids must read exactly as written: no hyphenation inside words.
  Font.registerHyphenationCallback((word) => [word])
  registered = true
}
