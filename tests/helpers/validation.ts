import { ValidationError } from 'payload'

/** The messages a save was refused with, each labelled with its field, as the admin lists them. */
export async function validationMessages(run: () => Promise<unknown>): Promise<string> {
  try {
    await run()
  } catch (error) {
    if (error instanceof ValidationError) {
      return [error.message, ...error.data.errors.map((entry) => `${entry.label ?? entry.path}: ${entry.message}`)].join('\n')
    }
    throw error
  }
  throw new Error('expected a validation error')
}
