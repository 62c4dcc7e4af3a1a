// Work that should come after the page's first frame: on a slow phone a module that the browser
// already has is evaluated before the first paint unless the page waits for that paint itself.

/** Runs `work` once, in a task after the next frame has painted (at once in a hidden page). */
export function afterPaint(work: () => void): void {
  if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') {
    setTimeout(work, 0);
    return;
  }
  // The frame callback runs just before the paint; the task it queues runs after it.
  requestAnimationFrame(() => setTimeout(work, 0));
}
