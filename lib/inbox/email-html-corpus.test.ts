import { describe, expect, it } from "vitest";
import { REMOTE_HOST, REMOTE_LOAD_VECTORS } from "@/e2e/remote-load-corpus";
import { ATTACKER_HOST, XSS_VECTORS } from "@/e2e/xss-corpus";
import { sanitizeEmailHtml } from "./email-html";

// The sanitiser alone, over the same corpus the browser test posts through the real webhook.
describe("sanitizeEmailHtml over the XSS corpus", () => {
  it("has at least 50 vectors", () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(XSS_VECTORS.map((vector, index) => [index, vector]))(
    "vector %i leaves no script, handler, script URL or live remote resource",
    (_index, vector) => {
      const { html } = sanitizeEmailHtml(`<p>before</p>${vector}<p>after</p>`);
      const live = html.replace(/data-remote-(src|style|background)="[^"]*"/g, "");
      expect(live).not.toMatch(/<script|<iframe|<object|<embed|<frame|<base|<meta|<link|<form|<input|<button/i);
      expect(live).not.toMatch(/\son[a-z]+\s*=/i);
      expect(live).not.toMatch(
        /(href|src|action|formaction|background|xlink:href)\s*=\s*"\s*(javascript|vbscript|data:text\/html)/i,
      );
      expect(live).not.toContain(ATTACKER_HOST);
    },
  );
});

// Every way to fetch from the sender's servers, through the sanitiser alone (the browser test
// renders the same corpus behind a counting proxy, where the frame's CSP also applies).
describe("sanitizeEmailHtml over the remote-load corpus", () => {
  it("has at least 40 vectors", () => {
    expect(REMOTE_LOAD_VECTORS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(REMOTE_LOAD_VECTORS.map((vector, index) => [index, vector]))(
    "vector %i keeps no live reference to the remote host",
    (_index, vector) => {
      const { html } = sanitizeEmailHtml(`<p>before</p>${vector}<p>after</p>`);
      const live = html.replace(/data-remote-(src|style|background)="[^"]*"/g, "");
      expect(live.toLowerCase()).not.toContain(REMOTE_HOST);
      expect(live).not.toMatch(/@import|image-set\(|url\(\s*['"]?\s*(https?:|\/\/)/i);
    },
  );
});
