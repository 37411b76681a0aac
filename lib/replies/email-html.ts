// An email reply is typed as plain text: it goes out as that text and as HTML that shows the same
// lines (escaped, so nothing typed becomes markup).

export function textToEmailHtml(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<div>${escaped.replace(/\r?\n/g, "<br>")}</div>`;
}
