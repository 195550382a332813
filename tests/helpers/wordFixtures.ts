import fs from 'node:fs'
import path from 'node:path'

/** The Word files tests/fixtures/word/make.sh made with LibreOffice (see that script for what each is). */
export const wordFixturePath = (name: string): string => path.resolve(process.cwd(), 'tests/fixtures/word', name)
export const wordFixture = (name: string): Buffer => fs.readFileSync(wordFixturePath(name))
