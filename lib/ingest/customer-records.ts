import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AppointmentFacts, CustomerRecordKind, NoteFacts, TaskFacts } from "@/lib/providers/contract";
import { getOrCreateId } from "@/lib/messages/get-or-create";

// A customer's notes, tasks and appointments. Each change carries the provider's version time:
// an older one never overwrites a newer one (providerUpdatedAt), whatever order they arrive in.
// A delete is final: the row stays as a tombstone so a late create or update cannot revive it.

type Tx = Prisma.TransactionClient;
type CustomerIdFor = (externalId: string) => Promise<string>;

function recordId(tx: Tx, record: CustomerRecordKind, accountId: string, externalId: string): Promise<string> {
  const where = { accountId_externalId: { accountId, externalId } };
  const select = { id: true } as const;
  const data = (id: string) => [{ id, accountId, externalId }];
  switch (record) {
    case "note":
      return getOrCreateId(
        () => tx.customerNote.findUnique({ where, select }),
        (id) => tx.customerNote.createMany({ data: data(id), skipDuplicates: true }),
        randomUUID,
      );
    case "task":
      return getOrCreateId(
        () => tx.customerTask.findUnique({ where, select }),
        (id) => tx.customerTask.createMany({ data: data(id), skipDuplicates: true }),
        randomUUID,
      );
    case "appointment":
      return getOrCreateId(
        () => tx.customerAppointment.findUnique({ where, select }),
        (id) => tx.customerAppointment.createMany({ data: data(id), skipDuplicates: true }),
        randomUUID,
      );
  }
}

/** Applies only to a live row not newer than this version (no version: applies, in arrival order). */
function applicable(id: string, versionAt: Date | null) {
  return {
    id,
    deletedAt: null,
    ...(versionAt ? { OR: [{ providerUpdatedAt: null }, { providerUpdatedAt: { lte: versionAt } }] } : {}),
  };
}

function defined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

async function common(
  tx: Tx,
  record: CustomerRecordKind,
  accountId: string,
  facts: { externalId: string; customerExternalId: string | null; versionAt: Date | null },
  customerIdFor: CustomerIdFor,
) {
  const id = await recordId(tx, record, accountId, facts.externalId);
  const customerId = facts.customerExternalId ? await customerIdFor(facts.customerExternalId) : undefined;
  const stamp = {
    ...(customerId ? { customerId } : {}),
    ...(facts.versionAt ? { providerUpdatedAt: facts.versionAt } : {}),
  };
  return { where: applicable(id, facts.versionAt), stamp };
}

export async function upsertNote(tx: Tx, accountId: string, note: NoteFacts, customerIdFor: CustomerIdFor) {
  const { externalId: _e, customerExternalId: _c, versionAt: _v, ...fields } = note;
  const { where, stamp } = await common(tx, "note", accountId, note, customerIdFor);
  await tx.customerNote.updateMany({ where, data: { ...defined(fields), ...stamp } });
}

export async function upsertTask(tx: Tx, accountId: string, task: TaskFacts, customerIdFor: CustomerIdFor) {
  const { externalId: _e, customerExternalId: _c, versionAt: _v, ...fields } = task;
  const { where, stamp } = await common(tx, "task", accountId, task, customerIdFor);
  await tx.customerTask.updateMany({ where, data: { ...defined(fields), ...stamp } });
}

export async function upsertAppointment(
  tx: Tx,
  accountId: string,
  appointment: AppointmentFacts,
  customerIdFor: CustomerIdFor,
) {
  const { externalId: _e, customerExternalId: _c, versionAt: _v, ...fields } = appointment;
  const { where, stamp } = await common(tx, "appointment", accountId, appointment, customerIdFor);
  await tx.customerAppointment.updateMany({ where, data: { ...defined(fields), ...stamp } });
}

export async function removeCustomerRecord(
  tx: Tx,
  record: CustomerRecordKind,
  accountId: string,
  externalId: string,
  versionAt: Date | null,
) {
  const id = await recordId(tx, record, accountId, externalId);
  const data = { deletedAt: versionAt ?? new Date() };
  const where = { id, deletedAt: null };
  if (record === "note") await tx.customerNote.updateMany({ where, data });
  else if (record === "task") await tx.customerTask.updateMany({ where, data });
  else await tx.customerAppointment.updateMany({ where, data });
}

/** The conversations a customer's record shows in (their live views refresh). */
export async function conversationsOfCustomer(tx: Tx, accountId: string, customerExternalId: string | null) {
  if (!customerExternalId) return [];
  const rows = await tx.conversation.findMany({
    where: { accountId, customer: { externalId: customerExternalId, accountId } },
    select: { id: true },
    take: 20,
  });
  return rows.map((row) => row.id);
}
