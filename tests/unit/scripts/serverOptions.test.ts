import { SERVER_HEAP_MB, serverNodeOptions } from '../../../scripts/serverOptions.mjs'

describe('the production server’s Node.js options', () => {
  it('cap the heap so the server collects garbage instead of growing with the machine’s memory', () => {
    expect(serverNodeOptions()).toBe(`--max-old-space-size=${SERVER_HEAP_MB}`)
  })

  it('keep the options an operator already set', () => {
    expect(serverNodeOptions('--enable-source-maps')).toBe(`--enable-source-maps --max-old-space-size=${SERVER_HEAP_MB}`)
  })

  it('leave an operator’s own heap size alone', () => {
    expect(serverNodeOptions(' --max-old-space-size=2048 ')).toBe('--max-old-space-size=2048')
  })

  it('adds NEWSROOM_SERVER_NODE_OPTIONS to the server alone, such as a CPU profile', () => {
    expect(serverNodeOptions('', { NEWSROOM_SERVER_NODE_OPTIONS: ' --cpu-prof --cpu-prof-dir=/tmp/prof ' })).toBe(`--cpu-prof --cpu-prof-dir=/tmp/prof --max-old-space-size=${SERVER_HEAP_MB}`)
  })
})
