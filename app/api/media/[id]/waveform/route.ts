import { authedRoute } from "@/lib/access/authed-route";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { findAttachmentInScope } from "@/lib/inbox/attachments";
import { waveformFor } from "@/lib/media/waveforms";

// Sound the player draws a waveform for (images, video and files have none).
const SOUND_KINDS = new Set(["audio", "recording", "voicemail"]);

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A recording's waveform peaks and length, computed on first request and stored (lib/media/waveforms.ts). */
export const GET = authedRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
  const { id } = await params;
  const attachment = await findAttachmentInScope(await getPrisma(), viewer.scope, id);
  if (!attachment?.playable || !SOUND_KINDS.has(attachment.kind)) throw new NotFoundError("recording");
  // A recording never changes, so the browser may keep its waveform (private: customers' calls).
  return Response.json(await waveformFor(attachment), { headers: { "cache-control": "private, max-age=86400" } });
});
