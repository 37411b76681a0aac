import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { Readable } from "node:stream";
import { isAllowListed, isPublicAddress } from "./address-policy";

// Fetches a provider's media URL for the media route without becoming a way into our network:
// http(s) only; every address checked after DNS resolution, at connect time (so a DNS answer
// cannot change between check and use); every redirect checked again; credentials only for
// the host they belong to; a size cap; one deadline for the whole fetch, body included (a host
// trickling a byte a second cannot hold a request open); URLs normalised before any check.

export class MediaFetchError extends Error {
  constructor(
    readonly status: 403 | 413 | 502 | 504,
    message: string,
  ) {
    super(message);
    this.name = "MediaFetchError";
  }
}

export interface MediaFetchOptions {
  range?: string | null;
  /** Basic auth, sent only to this host (e.g. api.twilio.com), never to a redirect elsewhere. */
  credentials?: { host: string; username: string; password: string } | null;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

export interface FetchedMedia {
  status: number;
  headers: { contentType: string | null; contentLength: string | null; contentRange: string | null };
  body: ReadableStream<Uint8Array>;
}

export const DEFAULT_MAX_MEDIA_BYTES = 50 * 1024 * 1024;
/** The whole fetch, from connecting to the body's last byte (MEDIA_FETCH_TIMEOUT_MS overrides). */
export const DEFAULT_MEDIA_TIMEOUT_MS = 20_000;

/** Resolves like dns.lookup, but fails for any address the policy refuses. */
function guardedLookup(allowAnyAddress: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.find((a) => !allowAnyAddress && !isPublicAddress(a.address));
      if (refused || addresses.length === 0) {
        return callback(
          Object.assign(
            new Error(`${hostname} resolves to ${refused?.address ?? "nothing"}, which is not a public address`),
            { code: "EREFUSEDADDRESS" },
          ),
          "",
          0,
        );
      }
      const first = addresses[0]!;
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * A path that gains dot segments once percent-decoded (`/rec/..%2F..%2Fadmin`, `%2e%2e%5c`): the
 * URL parser leaves these alone (an encoded slash is no separator to it), but a server that
 * decodes first walks out of the folder the URL names. Encoded slashes alone (`o/a%2Fb.mp3`, as
 * storage services write object names) are fine.
 */
function hasHiddenDotSegments(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true; // a malformed escape: no telling what the server reads
  }
  return decoded.split(/[/\\]/).some((segment) => segment === "." || segment === "..");
}

/**
 * Every check runs on the URL as the WHATWG parser normalised it (dot segments such as
 * `/a/../../x` resolved, backslashes made slashes, the host lower-cased), which is exactly what
 * is then requested: the allow-list and address policy see what is fetched, for the first URL
 * and for every redirect.
 */
function checkTarget(url: URL): boolean {
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new MediaFetchError(403, `only http(s) media is fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new MediaFetchError(403, "media URLs with embedded credentials are refused");
  if (hasHiddenDotSegments(url.pathname))
    throw new MediaFetchError(403, "media URLs whose path has encoded dot segments are refused");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const allowListed = isAllowListed(url.hostname, port);
  if (isIP(host) && !allowListed && !isPublicAddress(host))
    throw new MediaFetchError(403, `${host} is not a public address`);
  return allowListed;
}

function request(
  url: URL,
  options: MediaFetchOptions,
  allowAnyAddress: boolean,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const headers: Record<string, string> = {
    "user-agent": "Threadline media proxy",
    accept: "audio/*, video/*, image/*, */*;q=0.5",
  };
  if (options.range) headers.range = options.range;
  const credentials = options.credentials;
  if (credentials && credentials.host.toLowerCase() === url.hostname.toLowerCase()) {
    headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { headers, lookup: guardedLookup(allowAnyAddress), signal }, resolve);
    req.on("error", reject);
  });
}

export async function fetchRemoteMedia(rawUrl: string, options: MediaFetchOptions = {}): Promise<FetchedMedia> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MEDIA_BYTES;
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? DEFAULT_MEDIA_TIMEOUT_MS;
  let onDeadline = () => controller.abort();
  const timer = setTimeout(() => onDeadline(), timeoutMs);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    clearTimeout(timer);
    throw new MediaFetchError(403, "the media URL is not a URL");
  }
  try {
    for (let redirects = 0; ; redirects++) {
      const allowAnyAddress = checkTarget(url);
      const response = await request(url, options, allowAnyAddress, controller.signal);
      const status = response.statusCode ?? 502;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        if (redirects >= (options.maxRedirects ?? 3)) throw new MediaFetchError(502, "too many redirects");
        url = new URL(response.headers.location, url);
        continue;
      }
      if (status !== 200 && status !== 206) {
        response.resume();
        throw new MediaFetchError(502, `the media host answered ${status}`);
      }
      const declared = Number(response.headers["content-length"] ?? "0");
      if (declared > maxBytes) {
        response.destroy();
        throw new MediaFetchError(413, `media is ${declared} bytes; the limit is ${maxBytes}`);
      }
      // The same deadline goes on through the body: past it the stream errors, cutting the answer.
      onDeadline = () =>
        response.destroy(new MediaFetchError(504, `the media transfer took longer than ${timeoutMs} ms`));
      response.once("close", () => clearTimeout(timer));
      return {
        status,
        headers: {
          contentType: response.headers["content-type"] ?? null,
          contentLength: response.headers["content-length"] ?? null,
          contentRange: response.headers["content-range"] ?? null,
        },
        body: capped(response, maxBytes),
      };
    }
  } catch (error) {
    clearTimeout(timer);
    if (error instanceof MediaFetchError) throw error;
    if (controller.signal.aborted) throw new MediaFetchError(504, "the media host did not answer in time");
    const code = (error as { code?: string }).code;
    if (code === "EREFUSEDADDRESS") throw new MediaFetchError(403, (error as Error).message);
    throw new MediaFetchError(502, `could not fetch the media: ${(error as Error).message}`);
  }
}

/** The body as a web stream that errors (cutting the answer short) past the cap. */
function capped(response: IncomingMessage, maxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  response.on("data", (chunk: Buffer) => {
    seen += chunk.byteLength;
    if (seen > maxBytes) response.destroy(new MediaFetchError(413, `media passed the limit of ${maxBytes} bytes`));
  });
  return Readable.toWeb(response) as ReadableStream<Uint8Array>;
}
