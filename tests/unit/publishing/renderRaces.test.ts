import { createRenderRaceGuard, RENDER_WINDOW_MS } from '@/publishing/renderRaces.mjs'

function clockedGuard() {
  let time = 1_000_000
  const guard = createRenderRaceGuard({ now: () => time })
  return { guard, advance: (ms: number) => void (time += ms) }
}

describe('telling a render that overlapped a publication from one that did not', () => {
  it('keeps a render none of whose tags expired while it ran', () => {
    const { guard, advance } = clockedGuard()
    guard.tagsExpired(['home'])
    advance(10)
    guard.renderStarted('/')
    advance(200)
    guard.tagsExpired(['column:other'])
    expect(guard.mayKeep('/', ['home', 'column:mine'])).toBe(true)
  })

  it('does not keep a render one of whose tags expired after it began (it may have read the old content)', () => {
    const { guard, advance } = clockedGuard()
    guard.renderStarted('/')
    advance(150)
    guard.tagsExpired(['feeds', 'home'])
    advance(150)
    expect(guard.mayKeep('/', ['home', 'columns'])).toBe(false)
  })

  it('keeps whatever was never looked up first, as Next.js stores it', () => {
    const { guard } = clockedGuard()
    guard.tagsExpired(['home'])
    expect(guard.mayKeep('/never-looked-up', ['home'])).toBe(true)
  })

  it('times two renders of one page from the older, and forgets them once both have stored', () => {
    const { guard, advance } = clockedGuard()
    guard.renderStarted('/')
    advance(100)
    guard.tagsExpired(['home'])
    advance(100)
    guard.renderStarted('/')
    expect(guard.mayKeep('/', ['home'])).toBe(false)
    expect(guard.mayKeep('/', ['home'])).toBe(false)
    advance(100)
    guard.renderStarted('/')
    expect(guard.mayKeep('/', ['home'])).toBe(true)
  })

  it('stops holding a render against its tags once it has run longer than the admission queue waits for it', () => {
    const { guard, advance } = clockedGuard()
    guard.renderStarted('/slow')
    advance(10)
    guard.tagsExpired(['home'])
    advance(RENDER_WINDOW_MS)
    expect(guard.mayKeep('/slow', ['home'])).toBe(true)
  })
})
