import { readFileSync } from 'node:fs'
import path from 'node:path'

import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

const standard = (file: string) => JSON.parse(readFileSync(path.resolve(process.cwd(), '../shared/standards', file), 'utf8'))

// ninjs 2.2 declares draft 2020-12; its `places[].geojson` refers to the GeoJSON schema by URL,
// so the 2020-12 copy of that schema is registered instead of fetched.
const ajv = new Ajv2020({ allErrors: true })
addFormats(ajv)
ajv.addSchema(standard('GeoJSON-2020.json'))
const validate = ajv.compile(standard('ninjs-schema_2.2.json'))

/** What the official ninjs 2.2 schema rejects in `item` (empty when valid), so failures print it. */
export function ninjsSchemaErrors(item: unknown) {
  return validate(JSON.parse(JSON.stringify(item))) ? [] : validate.errors
}
