import { DEMO_MEDIA_PREFIX } from "./demo-media";

/**
 * Whether the page can play or show an attachment: an http(s) URL, or the app's own media.
 * Anything else (the docs' "call recording url") is kept but shown as unavailable.
 */
export function isPlayableUrl(url: string): boolean {
  if (url.startsWith(DEMO_MEDIA_PREFIX) && !url.includes("..")) return true;
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}
