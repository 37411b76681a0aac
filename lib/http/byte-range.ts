/**
 * Serves bytes with HTTP Range support: browsers need 206 answers to seek in audio.
 * Unsatisfiable ranges get 416, as RFC 9110 says.
 */
export function rangeResponse(
  request: Request,
  body: Buffer,
  contentType: string,
  extraHeaders: Record<string, string> = {},
): Response {
  const size = body.byteLength;
  const headers: Record<string, string> = { "content-type": contentType, "accept-ranges": "bytes", ...extraHeaders };
  const range = request.headers.get("range");
  const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (!range || !match || (match[1] === "" && match[2] === "")) {
    return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, "content-length": String(size) } });
  }
  let start: number;
  let end: number;
  if (match[1] === "") {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) {
    return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${size}` } });
  }
  return new Response(new Uint8Array(body.subarray(start, end + 1)), {
    status: 206,
    headers: {
      ...headers,
      "content-range": `bytes ${start}-${end}/${size}`,
      "content-length": String(end - start + 1),
    },
  });
}
