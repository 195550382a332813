import { type PathPicker, pickKind } from './readers'
import { type Tally, tallied } from './tally'

/**
 * Gaps between arrivals of a Poisson process at `ratePerSecond`, in ms: exponentially
 * distributed with mean 1000 / rate, as independent readers arrive.
 */
export function poissonGapMs(ratePerSecond: number, random: () => number): number {
  return (-1000 / ratePerSecond) * Math.log(1 - random())
}

/**
 * The latency readers feel: requests sent at Poisson arrival times whatever the answers do
 * (open loop: a slow server is not given fewer requests, unlike the closed-loop readers, whose
 * waiting hides their own queueing), spread over `bases`, tallied as `probe <kind>`.
 */
export async function runOpenLoopProbe(bases: string[], pickPath: PathPicker, options: { ratePerSecond: number; deadline: number; tally: Tally; random: () => number }): Promise<{ sent: number }> {
  const { random, tally } = options
  const inFlight = new Set<Promise<unknown>>()
  let sent = 0
  let next = performance.now()
  while (next < options.deadline) {
    const wait = next - performance.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const kind = pickKind(random)
    const url = `${bases[sent % bases.length]}${pickPath(kind, random)}`
    const request = tallied(tally, `probe ${kind}`, url, { headers: { 'Accept-Encoding': 'gzip' } }, (status) => status < 400)
    inFlight.add(request)
    void request.finally(() => inFlight.delete(request))
    sent += 1
    next += poissonGapMs(options.ratePerSecond, random)
  }
  await Promise.all(inFlight)
  return { sent }
}
