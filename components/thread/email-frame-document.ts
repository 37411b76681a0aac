// The document inside an email's iframe. Its first element is its own Content-Security-Policy
// (Chromium enforces a <meta> policy in a srcdoc document from that point on, on top of the
// page's inherited one): nothing may load from the network — no images, styles, fonts, media,
// frames — except inline data and cid: parts, until the reader asks to see remote images.
// The server's sanitiser already removed what it recognises; this is what the browser enforces
// for anything it missed.

export function emailFramePolicy(showRemote: boolean): string {
  return `default-src 'none'; img-src data: cid:${showRemote ? " https:" : ""}; style-src 'unsafe-inline'; form-action 'none'`;
}

// Its own document, so literal colours: the paper tokens' values (white paper in both themes; the
// server keeps only the email's light-screen rules, lib/inbox/email-css.ts). The body holds its
// children's margins (flow-root), so its height is the frame's (EmailBody). Never a vertical
// scrollbar: the frame is as tall as its content, and a scrollbar that came and went while the
// height caught up would change the width, so the height, so the scrollbar: a resize loop.
const FRAME_STYLE = `<style>:root{color-scheme:light;background:#fff;overflow-y:hidden}body{margin:0;padding:12px 16px;display:flow-root;font:14px/1.45 system-ui,sans-serif;color:#0f172a;overflow-wrap:anywhere}img{max-width:100%;height:auto}details.quoted-reply>summary{cursor:pointer;color:#475569;font-size:12px;margin:8px 0}</style>`;

function restoreRemoteContent(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  for (const element of doc.querySelectorAll("[data-remote-src]"))
    element.setAttribute("src", element.getAttribute("data-remote-src")!);
  for (const element of doc.querySelectorAll("[data-remote-style]"))
    element.setAttribute("style", element.getAttribute("data-remote-style")!);
  for (const element of doc.querySelectorAll("[data-remote-background]"))
    element.setAttribute("background", element.getAttribute("data-remote-background")!);
  return doc.body.innerHTML;
}

/** The srcdoc for an email whose HTML the server sanitised. */
export function emailFrameDocument(html: string, showRemote: boolean): string {
  const policy = `<meta http-equiv="Content-Security-Policy" content="${emailFramePolicy(showRemote)}">`;
  const body = showRemote ? restoreRemoteContent(html) : html;
  return `<!doctype html><html><head>${policy}<meta charset="utf-8"><base target="_blank">${FRAME_STYLE}</head><body>${body}</body></html>`;
}
