import DOMPurify from "isomorphic-dompurify";
import { blockRemoteCss, cssMayFetch, lightScreenCss } from "./email-css";

// Email HTML is hostile until proven otherwise. On the server, before it reaches a page:
// sanitise (no scripts, handlers, javascript: URLs, forms, frames), park every remote resource
// (images, CSS backgrounds: tracking pixels) in data-remote-* attributes that the reader can
// restore on request, keep its light-screen styles (it is shown on white paper), and fold quoted replies.

// An address the browser would fetch: anything but inline data, a cid: part or a fragment, in
// any spelling the URL parser accepts (`https:host/x`, `http:\\host\x`, leading spaces, relative).
function fetchesFromNetwork(url: string): boolean {
  const value = url.trim();
  if (value.startsWith("#")) return false;
  try {
    return !["data:", "cid:"].includes(new URL(value, "https://relative.invalid/").protocol);
  } catch {
    return true;
  }
}

// Attributes that load something: images can be shown on request; the rest (video posters,
// audio, tracks, SVG images, uses and filters) simply go.
const LOADING_ATTRIBUTES = ["src", "poster", "href", "xlink:href", "data", "lowsrc", "dynsrc"];
const LINKS = new Set(["a", "area"]);

let hooksInstalled = false;
function installHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  DOMPurify.addHook("afterSanitizeAttributes", (node) => {
    const element = node as Element;
    if (typeof element.getAttribute !== "function") return;
    const src = element.getAttribute("src");
    if (element.tagName === "IMG" && src && fetchesFromNetwork(src)) {
      element.setAttribute("data-remote-src", src);
      element.removeAttribute("src");
      element.removeAttribute("srcset");
    }
    const tag = element.tagName.toLowerCase();
    for (const name of LOADING_ATTRIBUTES) {
      if (LINKS.has(tag) && name.endsWith("href")) continue;
      const value = element.getAttribute(name);
      if (value !== null && fetchesFromNetwork(value)) element.removeAttribute(name);
    }
    const background = element.getAttribute("background");
    if (background) {
      element.setAttribute("data-remote-background", background);
      element.removeAttribute("background");
    }
    const style = element.getAttribute("style");
    if (style && cssMayFetch(style)) {
      element.setAttribute("data-remote-style", style);
      element.setAttribute("style", blockRemoteCss(style));
    }
    if (element.tagName === "A" && element.getAttribute("href")) {
      element.setAttribute("target", "_blank");
      element.setAttribute("rel", "noopener noreferrer nofollow");
    }
  });
  DOMPurify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName === "style" && node.textContent)
      node.textContent = lightScreenCss(blockRemoteCss(node.textContent));
  });
}

const QUOTE_SELECTOR =
  "blockquote, .gmail_quote, .yahoo_quoted, #appendonsend, .moz-cite-prefix, div[id^='divRplyFwdMsg']";

export interface SanitizedEmail {
  html: string;
  hasRemoteContent: boolean;
}

export function sanitizeEmailHtml(html: string): SanitizedEmail {
  installHooks();
  const fragment = DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: [
      "form",
      "input",
      "button",
      "textarea",
      "select",
      "iframe",
      "frame",
      "object",
      "embed",
      "base",
      "meta",
      "link",
    ],
    FORBID_ATTR: ["srcset", "action", "formaction", "ping"],
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ["target", "data-remote-src", "data-remote-style", "data-remote-background"],
  });
  const document = fragment.ownerDocument;
  // Fold the outermost quoted reply (and what follows it) into a closed <details>.
  const quote = Array.from(fragment.querySelectorAll(QUOTE_SELECTOR)).find(
    (el) => !el.parentElement?.closest(QUOTE_SELECTOR),
  );
  if (quote?.parentNode) {
    const details = document.createElement("details");
    details.className = "quoted-reply";
    const summary = document.createElement("summary");
    summary.textContent = "Show quoted text";
    details.appendChild(summary);
    quote.parentNode.insertBefore(details, quote);
    details.appendChild(quote);
  }
  const container = document.createElement("div");
  container.appendChild(fragment);
  const out = container.innerHTML;
  return { html: out, hasRemoteContent: /data-remote-(src|style|background)=/.test(out) };
}
