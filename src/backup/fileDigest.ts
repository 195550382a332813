import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export type FileDigest = { path: string; bytes: number; sha256: string }

/** A directory's content, paths relative to it and always `/`-separated so a manifest reads the same on every system. */
export type TreeListing = { directories: string[]; files: string[]; skipped: string[] }

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(fs.createReadStream(file), hash)
  return hash.digest('hex')
}

export async function digestOfFile(root: string, relativePath: string): Promise<FileDigest> {
  const file = path.join(root, ...relativePath.split('/'))
  return { path: relativePath, bytes: (await fs.promises.stat(file)).size, sha256: await sha256OfFile(file) }
}

export function listTree(root: string): TreeListing {
  const listing: TreeListing = { directories: [], files: [], skipped: [] }
  if (!fs.existsSync(root)) return listing
  const visit = (relative: string) => {
    const entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true })
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        listing.directories.push(child)
        visit(child)
      } else if (entry.isFile()) listing.files.push(child)
      // Symlinks and sockets may point outside the media directory: copying their targets
      // would back up something else, so they are reported instead.
      else listing.skipped.push(child)
    }
  }
  visit('')
  return listing
}

/** Copies a file and hashes the bytes in the same pass, so large media are read only once. */
export async function copyFileWithDigest(source: string, target: string, relativePath: string): Promise<FileDigest> {
  const hash = createHash('sha256')
  let bytes = 0
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      bytes += chunk.length
      done(null, chunk)
    },
  })
  await pipeline(fs.createReadStream(source), tap, fs.createWriteStream(target, { flags: 'wx' }))
  return { path: relativePath, bytes, sha256: hash.digest('hex') }
}

export type CopiedTree = { directories: string[]; files: FileDigest[]; skipped: string[]; vanished: string[] }

const isMissingFile = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT'

/**
 * Copies a directory that the running server may be changing. A file deleted between the
 * listing and its copy (a photo deleted meanwhile) is reported as vanished rather than
 * failing the whole backup; whether the database snapshot still needs it is checked later.
 */
export async function copyTreeWithDigests(sourceRoot: string, targetRoot: string): Promise<CopiedTree> {
  const listing = listTree(sourceRoot)
  fs.mkdirSync(targetRoot, { recursive: true })
  for (const directory of listing.directories) fs.mkdirSync(path.join(targetRoot, ...directory.split('/')), { recursive: true })
  const copied: CopiedTree = { directories: listing.directories, files: [], skipped: listing.skipped, vanished: [] }
  for (const relativePath of listing.files) {
    const parts = relativePath.split('/')
    const target = path.join(targetRoot, ...parts)
    try {
      copied.files.push(await copyFileWithDigest(path.join(sourceRoot, ...parts), target, relativePath))
    } catch (error) {
      if (!isMissingFile(error)) throw error
      fs.rmSync(target, { force: true })
      copied.vanished.push(relativePath)
    }
  }
  return copied
}

/** Makes a finished file survive a power cut before it is renamed into place. */
export async function flushToDisk(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
