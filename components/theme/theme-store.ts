// The reader's theme choice: "system" (follow the operating system, the default), "light" or
// "dark", kept in localStorage. The page shows it as data-theme="light|dark" on <html>, which
// app/globals.css turns into the token values. Set once before first paint by THEME_SCRIPT (so a
// dark-mode reader never sees a white flash), then kept up to date by ThemeWatcher and the toggle.

export const THEME_PREFERENCES = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export const THEME_STORAGE_KEY = "threadline-theme";
const DARK_QUERY = "(prefers-color-scheme: dark)";
// Same-tab changes: the storage event only fires in other tabs.
const CHANGE_EVENT = "threadline-theme-change";

/**
 * Runs inline in <head> with the request's CSP nonce (app/layout.tsx), before the body paints.
 * Kept tiny and self-contained: it cannot import anything. Storage may be unavailable (privacy
 * modes), hence the try: the page then simply follows the system.
 */
export const THEME_SCRIPT = `(function(){var d=document.documentElement,p=null;try{p=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})}catch(e){}var t=p==="light"||p==="dark"?p:matchMedia(${JSON.stringify(DARK_QUERY)}).matches?"dark":"light";d.dataset.theme=t})();`;

function isPreference(value: string | null): value is ThemePreference {
  return value !== null && (THEME_PREFERENCES as readonly string[]).includes(value);
}

export function readPreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isPreference(stored) ? stored : "system";
  } catch {
    return "system";
  }
}

/** Puts the theme the preference means right now on <html>. */
export function applyTheme(preference: ThemePreference = readPreference()): void {
  const dark = preference === "dark" || (preference === "system" && window.matchMedia(DARK_QUERY).matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

export function writePreference(preference: ThemePreference): void {
  try {
    if (preference === "system") window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Not remembered (storage blocked), but still applied to this page.
  }
  applyTheme(preference);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/**
 * Calls `onChange` when the preference changes (here or in another tab) or the system switches
 * between light and dark; for useSyncExternalStore and ThemeWatcher. Returns the unsubscribe.
 */
export function subscribeToTheme(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === THEME_STORAGE_KEY) onChange();
  };
  media.addEventListener("change", onChange);
  window.addEventListener("storage", onStorage);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    media.removeEventListener("change", onChange);
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}
