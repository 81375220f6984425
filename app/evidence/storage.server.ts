import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Where evidence files live. Local disk first (under data/, outside any public folder); an object
 * store implements the same three calls. Keys are generated here, never taken from a file name.
 */
export interface EvidenceStore {
  /** Stores the bytes under a new key ending in the extension of their detected type. */
  put(bytes: Uint8Array, extension: string): Promise<string>
  get(key: string): Promise<Uint8Array>
  delete(key: string): Promise<void>
}

// A UUID, and since 2026-12-02 the detected type's extension (older keys have none).
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.(pdf|png|jpg))?$/

export class LocalDiskEvidenceStore implements EvidenceStore {
  constructor(private readonly root: string) {}

  private fileFor(key: string) {
    if (!KEY.test(key)) throw new Error('invalid evidence key')
    return path.join(this.root, key.slice(0, 2), key)
  }

  async put(bytes: Uint8Array, extension: string): Promise<string> {
    const key = `${randomUUID()}.${extension}`
    const file = this.fileFor(key)
    await mkdir(path.dirname(file), { recursive: true })
    // Write then rename: a crash never leaves a half-written file under a live key.
    const temporary = `${file}.partial`
    await writeFile(temporary, bytes, { mode: 0o600 })
    await rename(temporary, file)
    return key
  }

  async get(key: string): Promise<Uint8Array> {
    return readFile(this.fileFor(key))
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileFor(key), { force: true })
  }
}
