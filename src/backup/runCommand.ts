import { BackupError } from './backupError'

/** Exits once stdout and stderr are flushed: both are pipes when another tool runs the command. */
async function exit(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))))
  process.exit(code)
}

/**
 * The shared shape of the backup and restore commands: print the report and exit 0, or print
 * the reason and exit 1. Expected refusals print their message alone; anything else keeps its stack.
 */
export async function runCommand(command: () => Promise<string>): Promise<never> {
  try {
    console.log(await command())
    return await exit(0)
  } catch (error) {
    console.error(error instanceof BackupError ? `✖ ${error.message}` : `✖ 意外错误（unexpected error）：${(error as Error).stack ?? String(error)}`)
    return await exit(1)
  }
}
