import DOMPurify from "isomorphic-dompurify";
import { Marked, type Tokens } from "marked";

// An email reply is typed as Markdown (bold, italic, links, lists): it goes out as HTML made from
// it and, as the plain-text part, exactly what was typed. HTML a person types is shown as text,
// never used as markup (they are writing to a customer, not authoring a page), and the result is
// sanitised with DOMPurify to the few elements Markdown makes, with web, mail and phone links only.
// The person's signature, if any, follows a "-- " line in both parts. Only email: every other
// channel sends the typed text as it is.

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const markdown = new Marked({
  gfm: true,
  // A line break typed is a line break sent, as in the plain-text part.
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    // Written out whole: the inbox's sanitiser hooks (lib/inbox/email-html.ts) add the same
    // target and rel to links when they run in this process, so the HTML is the same either way.
    link({ href, title, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      const titled = title ? ` title="${escapeHtml(title)}"` : "";
      return `<a href="${escapeHtml(href)}"${titled} target="_blank" rel="noopener noreferrer nofollow">${label}</a>`;
    },
    // Pictures by address would be remote content in the customer's mail: the words stand instead.
    image: ({ text }: Tokens.Image) => escapeHtml(text),
  },
});

const ALLOWED_TAGS = [
  "p",
  "br",
  "strong",
  "em",
  "del",
  "a",
  "ul",
  "ol",
  "li",
  "blockquote",
  "code",
  "pre",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "div",
];

/** The signature line: "-- " (with its space) is what mail programs recognise as one. */
export const SIGNATURE_SEPARATOR = "-- ";

function sanitize(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ["href", "title", "target", "rel", "start"],
    // DOMPurify's own pattern with fewer schemes: web, mail and phone links (and values with no
    // scheme at all, such as target's "_blank"); javascript:, data: and the rest go.
    ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  });
}

/** A signature's HTML: its lines as typed (escaped), never Markdown. */
const signatureHtml = (signature: string) =>
  `<div>${escapeHtml(SIGNATURE_SEPARATOR)}<br>${escapeHtml(signature).replace(/\r?\n/g, "<br>")}</div>`;

const present = (signature: string | null | undefined): signature is string => !!signature?.trim();

/** The HTML part: the typed Markdown as sanitised HTML, then the signature. */
export function emailHtml(text: string, signature?: string | null): string {
  const body = markdown.parse(text) as string;
  const withSignature = present(signature) ? `${body}${signatureHtml(signature.trim())}` : body;
  return sanitize(`<div>${withSignature}</div>`);
}

/** The plain-text part: exactly what was typed, then the signature after its "-- " line. */
export function emailText(text: string, signature?: string | null): string {
  return present(signature) ? `${text}\n\n${SIGNATURE_SEPARATOR}\n${signature.trim()}` : text;
}
