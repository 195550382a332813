/**
 * A refusal or failure the operator can act on: the CLIs print its (Chinese-first) message
 * alone, without a stack trace, and exit with status 1.
 */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}
