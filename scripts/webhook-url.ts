import { parseArgs } from "node:util";
import { VOXITY_SECRET_ENV, voxityAccountSecret } from "@/lib/providers/voxity/signature";

// npm run webhook:url -- --agent <Voxity agentId> [--base https://inbox.example.com]
// Prints the agent's webhook URL with its secret. Needs only VOXITY_WEBHOOK_SECRET, no database.
const { values } = parseArgs({
  options: {
    agent: { type: "string" },
    base: { type: "string", default: process.env.THREADLINE_PUBLIC_URL ?? "http://localhost:3000" },
  },
});
const serverSecret = process.env[VOXITY_SECRET_ENV];
if (!values.agent || !serverSecret) {
  console.error(`webhook:url: needs --agent <agentId> and ${VOXITY_SECRET_ENV} in the environment`);
  process.exit(2);
}
const secret = voxityAccountSecret(values.agent, serverSecret);
console.log(`URL (secret in the path): ${new URL(`/api/webhooks/voxity/${secret}`, values.base)}`);
console.log(
  `or sign the body: x-voxity-signature: sha256=<hex HMAC-SHA256(key="${secret}", body)> to ${new URL("/api/webhooks/voxity", values.base)}`,
);
