// HighLevel's webhook URL from before issue #23 named the provider by its API's brand. Apps set up
// with it keep delivering here and are answered exactly as at /api/webhooks/highlevel: same handler.
export { POST } from "@/app/api/webhooks/highlevel/route";

export const runtime = "nodejs";
