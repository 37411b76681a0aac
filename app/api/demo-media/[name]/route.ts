import { HttpError } from "@/lib/http/errors";
import { rangeResponse } from "@/lib/http/byte-range";
import { routeHandler } from "@/lib/http/route-handler";
import { durationFromName, toneWav } from "@/lib/media/tone-wav";

export const runtime = "nodejs";

/** Generated demo recordings (no network, no files): /api/demo-media/voicemail-12s-ana.wav */
export const GET = routeHandler(async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
  const { name } = await params;
  if (!/^[\w-]{1,80}\.wav$/.test(name)) throw new HttpError(404, "no such demo recording");
  return rangeResponse(request, toneWav(durationFromName(name), name), "audio/wav", { "cache-control": "public, max-age=86400, immutable" });
});
