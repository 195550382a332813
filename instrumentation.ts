export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { prepareDatabaseAtBoot } = await import('./src/seed/boot')
  await prepareDatabaseAtBoot()
  const { startSchedulerAtBoot } = await import('./src/workflow/boot')
  await startSchedulerAtBoot()
}
