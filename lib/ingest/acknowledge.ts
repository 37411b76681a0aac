import { isDatabaseUnavailable } from "@/lib/db/errors";
import { DatabaseUnavailableError } from "@/lib/http/errors";
import { recordDelivery, type Acknowledgement } from "./event-log";
import { wakeInProcessWorker } from "./in-process-worker";
import type { EventEnvelope, ProviderAdapter } from "@/lib/providers/contract";
import { storableText } from "./raw-delivery";

// The hot path of every webhook: the delivery's identity, one INSERT, an answer. Everything
// else (mapping, applying, live updates) happens in a worker, after the provider has its 200.

function storableEnvelope(envelope: EventEnvelope): EventEnvelope {
  return {
    dedupeKey: storableText(envelope.dedupeKey),
    eventType: envelope.eventType === null ? null : storableText(envelope.eventType),
    accountExternalId: envelope.accountExternalId === null ? null : storableText(envelope.accountExternalId),
  };
}

/** Stores a verified delivery; throws DatabaseUnavailableError when it could not be stored. */
export async function acknowledgeDelivery(
  adapter: ProviderAdapter,
  rawBody: Buffer,
  payload: unknown,
  deliveryId: string | null,
): Promise<Acknowledgement> {
  const envelope = storableEnvelope(adapter.envelope(payload));
  let acknowledgement: Acknowledgement;
  try {
    acknowledgement = await recordDelivery({
      provider: adapter.name,
      envelope,
      rawBody,
      deliveryId: deliveryId === null ? null : storableText(deliveryId),
    });
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new DatabaseUnavailableError(error);
    throw error;
  }
  if (acknowledgement.status === "received") wakeInProcessWorker();
  return acknowledgement;
}
