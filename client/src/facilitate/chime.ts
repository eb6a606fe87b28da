let context: AudioContext | null = null;

/**
 * A short two-tone chime made in the browser (no sound file to fetch). Browsers allow sound only
 * after the person has interacted with the page; without that it stays silent and the visual cue and
 * the announcement remain.
 */
export function playChime(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
    const start = context.currentTime;
    for (const [i, frequency] of [880, 660].entries()) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.3, start + i * 0.35 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.3);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + i * 0.35);
      oscillator.stop(start + i * 0.35 + 0.32);
    }
  } catch {
    // No audio here (a browser without Web Audio): the cue on screen is enough.
  }
}
