// Work an open conversation starts that its first paint does not need (marking it read, loading
// its neighbours): a task after the next frame, so the thread is on screen before any of it runs.
// Effects of a keypress's render run before that frame otherwise (React flushes them at once).

/** Runs `work` once the next frame has been painted; the returned function cancels it. */
export function afterPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
  };
}
