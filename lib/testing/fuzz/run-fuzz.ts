import fc from "fast-check";
import { signHighLevelBody } from "@/lib/providers/highlevel/signature";
import { voxityAccountSecret, voxitySignature, VOXITY_SIGNATURE_HEADER } from "@/lib/providers/voxity/signature";
import { fuzzCases, renderCase, type Signing } from "./mutations";
import { seedPayloads } from "./seeds";

// Sends signed, mutated deliveries to a running server over HTTP and tallies the answers. Used
// by the suite (10,000 per endpoint) and by `npm run fuzz` (a longer soak, any server).

export const FUZZ_ENDPOINTS = ["highlevel", "voxity", "voxity-path"] as const;
export type FuzzEndpoint = (typeof FUZZ_ENDPOINTS)[number];

export interface FuzzKeys {
  /** PEM of the Ed25519 private key whose public half the server trusts. */
  highLevelEd25519PrivateKey: string;
  /** The server's VOXITY_WEBHOOK_SECRET. */
  voxityServerSecret: string;
}

export interface FuzzOptions {
  baseUrl: string;
  endpoint: FuzzEndpoint;
  runs: number;
  seed: number;
  concurrency: number;
  keys: FuzzKeys;
}

export interface ServerError {
  index: number;
  status: number | "network";
  answer: string;
}

export interface FuzzReport {
  endpoint: FuzzEndpoint;
  seed: number;
  sent: number;
  byStatus: Record<string, number>;
  serverErrors: ServerError[];
  elapsedMs: number;
}

const FALLBACK_AGENT = "agent-fuzz";

function request(options: FuzzOptions, body: Buffer, agentId: string | null, signing: Signing) {
  const { baseUrl, endpoint, keys } = options;
  const headers: Record<string, string> = { "content-type": "application/json" };
  const agentSecret = (agent: string) => voxityAccountSecret(agent, keys.voxityServerSecret);
  // A wrong signature is a genuine one over other bytes, or another agent's secret.
  const signedBytes = signing === "wrong" ? Buffer.concat([body, Buffer.from(" ")]) : body;
  const signingAgent = signing === "wrong" ? `${agentId ?? FALLBACK_AGENT}-other` : (agentId ?? FALLBACK_AGENT);
  if (endpoint === "voxity-path") {
    const secret = signing === "none" ? "not-a-secret" : agentSecret(signingAgent);
    return { url: `${baseUrl}/api/webhooks/voxity/${secret}`, headers, body };
  }
  if (signing !== "none") {
    if (endpoint === "highlevel") {
      Object.assign(headers, signHighLevelBody(signedBytes, { ed25519PrivateKey: keys.highLevelEd25519PrivateKey }));
    } else {
      headers[VOXITY_SIGNATURE_HEADER] = voxitySignature(signedBytes, agentSecret(signingAgent));
    }
  }
  return { url: `${baseUrl}/api/webhooks/${endpoint === "voxity" ? "voxity" : "highlevel"}`, headers, body };
}

/** Sends `runs` mutated deliveries, `concurrency` at a time, and reports what came back. */
export async function fuzzEndpoint(options: FuzzOptions): Promise<FuzzReport> {
  const provider = options.endpoint === "highlevel" ? "highlevel" : "voxity";
  // Each endpoint draws its own cases and ids, so one endpoint's events never dedupe another's.
  const endpointSeed = options.seed + FUZZ_ENDPOINTS.indexOf(options.endpoint);
  const cases = fc.sample(fuzzCases(seedPayloads(provider)), { seed: endpointSeed, numRuns: options.runs });
  const byStatus: Record<string, number> = {};
  const serverErrors: ServerError[] = [];
  const started = performance.now();
  let next = 0;

  async function sender() {
    for (let index = next++; index < cases.length; index = next++) {
      const fuzzCase = cases[index]!;
      const { body, agentId } = renderCase(fuzzCase, index, `${options.endpoint}-${options.seed}`);
      const { url, headers } = request(options, body, agentId, fuzzCase.signing);
      try {
        const response = await fetch(url, { method: "POST", headers, body: new Uint8Array(body) });
        const answer = await response.text();
        byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
        if (response.status >= 500) serverErrors.push({ index, status: response.status, answer: answer.slice(0, 300) });
      } catch (error) {
        byStatus.network = (byStatus.network ?? 0) + 1;
        serverErrors.push({ index, status: "network", answer: String(error).slice(0, 300) });
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, sender));
  return {
    endpoint: options.endpoint,
    seed: options.seed,
    sent: cases.length,
    byStatus,
    serverErrors,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** One line of figures per endpoint, for the suite's output and `npm run fuzz`. */
export function describeReport(report: FuzzReport): string {
  const statuses = Object.entries(report.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
  const rate = Math.round((report.sent / report.elapsedMs) * 1000);
  return `fuzz ${report.endpoint}: ${report.sent} deliveries (seed ${report.seed}) in ${(report.elapsedMs / 1000).toFixed(1)} s, ${rate}/s: ${statuses}; 5xx or dropped: ${report.serverErrors.length}`;
}
