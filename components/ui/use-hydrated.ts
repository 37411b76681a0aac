import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML, true once React runs in the browser. Submit buttons wait for it:
 * a form submitted before hydration would go to the server as a plain POST, not through our
 * handler (and Playwright, like a person, waits for an enabled button).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
