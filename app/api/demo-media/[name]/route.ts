import { authedRoute } from "@/lib/access/authed-route";
import { HttpError } from "@/lib/http/errors";
import { rangeResponse } from "@/lib/http/byte-range";
import { DEMO_MEDIA_PREFIX, demoMediaBytes } from "@/lib/media/demo-media";

export const runtime = "nodejs";

/**
 * The demo's recordings (no network, nobody's data): spoken ones committed with the app
 * (/api/demo-media/speech-vm-in-en-1-12s.wav), tones made on first use (voicemail-12s-ana.wav).
 * Signed-in viewers only: tones cost CPU to make, and strangers have no use for either. The
 * browser may keep them (private: never a shared cache).
 */
export const GET = authedRoute(async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
  const { name } = await params;
  const bytes = demoMediaBytes(`${DEMO_MEDIA_PREFIX}${name}`);
  if (!bytes) throw new HttpError(404, "no such demo recording");
  return rangeResponse(request, bytes, "audio/wav", { "cache-control": "private, max-age=86400" });
});
