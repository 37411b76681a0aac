// CSS fetches in more spellings than url(...): escapes (`\75 rl(`, `u\rl(`, `@\69mport`),
// image-set() with bare strings, @import with a string, src(). Escapes are undone first (only
// those that spell a harmless character, so strings keep their meaning), then every fetching
// construct goes. The email frame's own Content-Security-Policy blocks whatever this misses.

const ESCAPE = /\\([0-9a-f]{1,6})[ \t\n\r\f]?|\\([^0-9a-f\n\r\f])/gi;
const PLAIN = /^[\w@().:/\-\\]$/;
const IMPORT = /@import\b[^;]*;?/gi;
const FETCHING_FUNCTION = /(?:-webkit-)?\b(?:image-set|url|src)\(((?:[^()]|\([^()]*\))*)\)/gi;
const HAS_FETCHING = /@import|\b(?:image-set|url|src)\(/i;
const INLINE_DATA = /^\s*['"]?\s*data:/i;

function unescapeCss(css: string): string {
  return css.replace(ESCAPE, (match, hex: string | undefined, literal: string | undefined) => {
    const codePoint = hex ? Number.parseInt(hex, 16) : undefined;
    if (codePoint !== undefined && (codePoint === 0 || codePoint > 0x10ffff)) return match;
    const character = codePoint !== undefined ? String.fromCodePoint(codePoint) : literal!;
    return PLAIN.test(character) ? character : match;
  });
}

/** True when the CSS may fetch something (url(), image-set(), @import, …), in any spelling. */
export function cssMayFetch(css: string): boolean {
  return HAS_FETCHING.test(unescapeCss(css));
}

/** The CSS with every @import gone and every fetching function but url(data:…) replaced by `none`. */
export function blockRemoteCss(css: string): string {
  return unescapeCss(css)
    .replace(IMPORT, "")
    .replace(FETCHING_FUNCTION, (match, inner: string) =>
      match.toLowerCase().startsWith("url(") && INLINE_DATA.test(inner) ? match : "none",
    );
}

// The inbox shows an email on white paper in both themes (its own colours assume paper). An email
// that restyles itself for a dark screen would turn dark on that paper (white text on white), so
// its dark-screen rules never apply and its light-screen rules always do: spelled as width tests,
// which stay valid inside `not`, `and` and `or`.
const DARK_SCREEN = /\(\s*prefers-color-scheme\s*:\s*dark\s*\)/gi;
const LIGHT_SCREEN = /\(\s*prefers-color-scheme\s*:\s*light\s*\)/gi;

/** The CSS as it would apply on a light screen, whatever the reader's theme. */
export function lightScreenCss(css: string): string {
  return css.replace(DARK_SCREEN, "(width < 0px)").replace(LIGHT_SCREEN, "(width >= 0px)");
}
