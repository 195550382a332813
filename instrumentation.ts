export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // First, so that the boot below is measured too (only when NEWSROOM_EVENT_LOOP_STATS is set).
  const { startEventLoopStats } = await import('./src/observability/eventLoop')
  startEventLoopStats()
  const { prepareDatabaseAtBoot } = await import('./src/seed/boot')
  await prepareDatabaseAtBoot()
  const { startSchedulerAtBoot } = await import('./src/workflow/boot')
  await startSchedulerAtBoot()
}
