import { HttpError } from "@/lib/http/errors";
import { rangeResponse } from "@/lib/http/byte-range";
import { routeHandler } from "@/lib/http/route-handler";
import { DEMO_MEDIA_PREFIX, demoMediaBytes } from "@/lib/media/tone-wav";

export const runtime = "nodejs";

/** Generated demo recordings (no network, no files, nobody's data): /api/demo-media/voicemail-12s-ana.wav */
export const GET = routeHandler(async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
  const { name } = await params;
  const bytes = demoMediaBytes(`${DEMO_MEDIA_PREFIX}${name}`);
  if (!bytes) throw new HttpError(404, "no such demo recording");
  return rangeResponse(request, bytes, "audio/wav", { "cache-control": "public, max-age=86400, immutable" });
});
