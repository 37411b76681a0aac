import { authedRoute } from "@/lib/access/authed-route";
import { demoMediaEnabled } from "@/lib/demo-mode";
import { rangeResponse } from "@/lib/http/byte-range";
import { HttpError } from "@/lib/http/errors";
import { jsonError } from "@/lib/http/route-handler";
import { DEMO_MEDIA_PREFIX, demoMediaBytes, demoMediaType } from "@/lib/media/demo-media";

export const runtime = "nodejs";

/**
 * The demo's recordings (no network, nobody's data): spoken ones committed with the app
 * (/api/demo-media/speech-vm-in-en-1-12s.wav), tones made on first use (voicemail-12s-ana.wav),
 * and its photos (xray-photo.png, drawn on first use).
 * Signed-in viewers only: tones cost CPU to make, and strangers have no use for either. The
 * browser may keep them (private: never a shared cache).
 */
const demoMedia = authedRoute(async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
  const { name } = await params;
  const url = `${DEMO_MEDIA_PREFIX}${name}`;
  const bytes = await demoMediaBytes(url);
  if (!bytes) throw new HttpError(404, "no such demo recording");
  return rangeResponse(request, bytes, demoMediaType(url), { "cache-control": "private, max-age=86400" });
});

/** With the demo off the route does not exist: 404 for everyone, before sign-in is even looked at. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }): Promise<Response> {
  if (!demoMediaEnabled()) return jsonError(404, "not found", { "cache-control": "no-store" });
  return demoMedia(request, context);
}
