import type { CollectionBeforeChangeHook } from 'payload'

/** The list shows how many blocks of unassigned text still wait to be placed. */
export const countOpenBlocks: CollectionBeforeChangeHook = ({ data }) => ({
  ...data,
  unassignedOpen: ((data.unassigned ?? []) as { assigned?: boolean | null }[]).filter((block) => !block.assigned).length,
})
