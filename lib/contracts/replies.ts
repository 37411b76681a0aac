import type { WhatsAppTemplate } from "@/lib/providers/highlevel/api/templates";
import type { UploadedAttachment } from "@/lib/replies/attachments";
import type { CancelAnswer } from "@/lib/replies/cancel";
import { type DraftView, draftInputSchema } from "@/lib/replies/draft-validations";
import { replyInputSchema } from "@/lib/replies/validations";
import type { ReplyView } from "@/lib/replies/view";
import { idParams } from "./conversations";
import { defineRoute, responds } from "./define-route";

// Replying: sending (and deciding about what was not delivered), the person's own draft, files
// for a reply, and the WhatsApp templates offered after 24 hours.

/** 201 with the reply; 200 with the same reply when this clientKey was sent before. */
export const sendReplyRoute = defineRoute({
  method: "POST",
  path: "/api/conversations/:id/replies",
  params: idParams,
  body: replyInputSchema,
  role: "member",
  tokenScope: "send",
  response: responds<{ reply: ReplyView }>(),
});

/** A person's explicit Retry: the only way a reply is sent again. */
export const retryReplyRoute = defineRoute({
  method: "POST",
  path: "/api/replies/:id/retry",
  params: idParams,
  role: "member",
  tokenScope: "send",
  response: responds<{ reply: ReplyView }>(),
});

/** Put away a reply that was not delivered (or may not have been). */
export const dismissReplyRoute = defineRoute({ ...retryReplyRoute, path: "/api/replies/:id/dismiss" });

/** Cancel a reply scheduled for later: its text is the canceller's draft again. */
export const cancelReplyRoute = defineRoute({
  method: "POST",
  path: "/api/replies/:id/cancel",
  params: idParams,
  role: "member",
  tokenScope: "send",
  response: responds<CancelAnswer>(),
});

/** The signed-in person's own reply draft in this conversation (no one else's, ever). */
export const draftRoute = defineRoute({
  method: "GET",
  path: "/api/conversations/:id/draft",
  params: idParams,
  role: "member",
  response: responds<{ draft: DraftView | null }>(),
});

/** Stores it as typed; an empty draft is removed (answers `{ draft: null }`). */
export const saveDraftRoute = defineRoute({
  method: "PUT",
  path: "/api/conversations/:id/draft",
  params: idParams,
  body: draftInputSchema,
  role: "member",
  response: responds<{ draft: DraftView | null }>(),
});

export const deleteDraftRoute = defineRoute({
  method: "DELETE",
  path: "/api/conversations/:id/draft",
  params: idParams,
  role: "member",
  response: responds<null>(),
});

/**
 * One file for a reply, as multipart (`file`, and the `channel` it is for): read and checked
 * against the channel's limits by lib/replies/attachments.ts (413 too big, 415 a type it can't take).
 */
export const attachFileRoute = defineRoute({
  method: "POST",
  path: "/api/conversations/:id/attachments",
  params: idParams,
  role: "member",
  tokenScope: "send",
  response: responds<UploadedAttachment>(),
});

/** The approved WhatsApp templates of the conversation's HighLevel location. */
export const whatsAppTemplatesRoute = defineRoute({
  method: "GET",
  path: "/api/conversations/:id/whatsapp-templates",
  params: idParams,
  role: "member",
  response: responds<{ templates: WhatsAppTemplate[] }>(),
});
