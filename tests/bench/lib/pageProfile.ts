import type { BrowserContext, Page } from 'playwright-core';

/** A CPU profile as Chromium's profiler returns it (the parts read here). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts Chromium's sampling profiler on `page`; `stop` returns the profile. */
export async function startProfile(
  context: BrowserContext,
  page: Page,
): Promise<{ stop: () => Promise<CpuProfile> }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    stop: async () => ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile,
  };
}

/**
 * Prints where the profiled time went: self time by script, and the inclusive time of named functions
 * (the bundle is minified, but method names such as tldraw's `put`, `validate` or `measureHtml` survive).
 */
export async function printProfile(profile: CpuProfile): Promise<void> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byScript = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, micros] of self) {
    const { functionName, url } = byId.get(id)!.callFrame;
    const script = url ? url.split('/').pop()!.split('?')[0]! : functionName || '(native)';
    byScript.set(script, (byScript.get(script) ?? 0) + micros);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (name.length < 4 || seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
    }
  }
  const rows = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, micros]) => `  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  console.log(`profile: ${(total / 1000).toFixed(0)} ms sampled; self time by script:`);
  console.log(rows(byScript, 12).join('\n'));
  console.log('profile: inclusive time of named functions:');
  console.log(rows(inclusive, 40).join('\n'));
}

/** Prints where a Chromium trace's time went, by event name (complete events, all threads), top 20. */
export function printTrace(trace: Buffer): void {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as {
    traceEvents: { name: string; ph: string; dur?: number; tid: number }[];
  };
  const byName = new Map<string, number>();
  for (const event of traceEvents) {
    if (event.ph !== 'X' || event.dur === undefined) continue;
    byName.set(event.name, (byName.get(event.name) ?? 0) + event.dur);
  }
  console.log('trace: total duration by event (ms; nested events are counted in their parents too):');
  console.log(
    [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([name, micros]) => `  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`)
      .join('\n'),
  );
}
