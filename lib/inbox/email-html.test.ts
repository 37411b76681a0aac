import { describe, expect, it } from "vitest";
import { sanitizeEmailHtml } from "./email-html";

describe("sanitizeEmailHtml", () => {
  it("removes scripts, handlers and javascript: links", () => {
    const { html } = sanitizeEmailHtml(
      `<p onclick="alert(1)">hi</p><script>alert(2)</script><a href="javascript:alert(3)">x</a><img src=x onerror=alert(4)><svg><script>alert(5)</script></svg>`,
    );
    expect(html).not.toMatch(/script|onerror|onclick|javascript:/i);
    expect(html).toContain("hi");
  });

  it("keeps an email's light-screen styles on a dark screen: it is shown on white paper", () => {
    const { html } = sanitizeEmailHtml(
      "<p>hi</p><style>@media (prefers-color-scheme: dark){p{color:#fff}} @media not ( Prefers-Color-Scheme:light ){p{color:#eee}} @media (prefers-color-scheme:light){p{color:#111}}</style>",
    );
    expect(html).not.toMatch(/prefers-color-scheme/i);
    expect(html).toContain("@media (width < 0px){p{color:#fff}} @media not (width >= 0px){p{color:#eee}}");
    expect(html).toContain("@media (width >= 0px){p{color:#111}}");
  });

  it("parks remote images and CSS urls until the reader asks", () => {
    const { html, hasRemoteContent } = sanitizeEmailHtml(
      `<img src="https://track.example/p.gif" width=1><div style="background:url('http://x.example/bg.png');color:red">t</div><style>body{background:url(https://x.example/a.png)}</style>`,
    );
    expect(hasRemoteContent).toBe(true);
    expect(html).not.toMatch(/\ssrc="https:/);
    expect(html).toContain('data-remote-src="https://track.example/p.gif"');
    expect(html).toContain('style="background:none;color:red"');
    expect(html).toContain("body{background:none}");
    expect(html.replace(/data-remote-style="[^"]*"/g, "")).not.toMatch(/url\(['"]?https?:/);
  });

  it("keeps inline data images and opens links in a new tab", () => {
    const { html, hasRemoteContent } = sanitizeEmailHtml(
      `<img src="data:image/png;base64,AAAA"><a href="https://example.com">site</a>`,
    );
    expect(hasRemoteContent).toBe(false);
    expect(html).toContain('src="data:image/png;base64,AAAA"');
    expect(html).toMatch(/target="_blank"/);
    expect(html).toMatch(/rel="noopener noreferrer nofollow"/);
  });

  it("folds the quoted reply", () => {
    const { html } = sanitizeEmailHtml(
      `<p>Sounds good</p><div class="gmail_quote">On Mon, Ana wrote:<blockquote>earlier</blockquote></div>`,
    );
    expect(html).toMatch(
      /^<p>Sounds good<\/p><details class="quoted-reply"><summary>Show quoted text<\/summary><div class="gmail_quote">/,
    );
  });
});
