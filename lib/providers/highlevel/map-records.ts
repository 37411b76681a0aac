import type { IngestOperation, MappedEvent } from "@/lib/providers/contract";
import { APPOINTMENT_STATUSES, type AppointmentStatus } from "@/lib/vocabulary";
import {
  APPOINTMENT_EVENT_TYPES,
  appointmentEventSchema,
  NOTE_EVENT_TYPES,
  noteEventSchema,
  TASK_EVENT_TYPES,
  taskEventSchema,
} from "./schemas";

// A customer's notes, tasks and appointments in HighLevel (Note*, Task*, Appointment* webhooks).
// Only fields a payload carries are set (undefined: "not said"), so a sparse update never blanks
// what an earlier one said.

export const RECORD_EVENT_TYPES: readonly string[] = [
  ...NOTE_EVENT_TYPES,
  ...TASK_EVENT_TYPES,
  ...APPOINTMENT_EVENT_TYPES,
];

const said = <T>(value: T | null | undefined): T | null | undefined => value;

function appointmentStatus(value: string | null | undefined): AppointmentStatus | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const normal = value.toLowerCase().replace(/[\s_-]/g, "");
  const known = (APPOINTMENT_STATUSES as readonly string[]).find((status) => status === normal);
  return (known as AppointmentStatus | undefined) ?? (normal === "canceled" ? "cancelled" : "unknown");
}

function withCustomer(contactId: string | null | undefined, operation: IngestOperation): IngestOperation[] {
  return contactId
    ? [{ kind: "customer", customer: { externalId: contactId, versionAt: null } }, operation]
    : [operation];
}

export function mapCustomerRecordEvent(payload: unknown): MappedEvent {
  const type = (payload as { type?: unknown }).type;
  if ((NOTE_EVENT_TYPES as readonly unknown[]).includes(type)) {
    const event = noteEventSchema.parse(payload);
    const account = { provider: "highlevel" as const, externalId: event.locationId };
    const versionAt = event.dateUpdated ?? event.timestamp ?? null;
    if (event.type === "NoteDelete")
      return { account, operations: [{ kind: "record.delete", record: "note", externalId: event.id, versionAt }] };
    const note = {
      externalId: event.id,
      customerExternalId: event.contactId ?? null,
      body: said(event.body),
      authorExternalId: said(event.userId),
      addedAt: said(event.dateAdded),
      versionAt: versionAt ?? event.dateAdded ?? null,
    };
    return { account, operations: withCustomer(event.contactId, { kind: "note", note }) };
  }
  if ((TASK_EVENT_TYPES as readonly unknown[]).includes(type)) {
    const event = taskEventSchema.parse(payload);
    const account = { provider: "highlevel" as const, externalId: event.locationId };
    const versionAt = event.dateUpdated ?? event.timestamp ?? null;
    if (event.type === "TaskDelete")
      return { account, operations: [{ kind: "record.delete", record: "task", externalId: event.id, versionAt }] };
    const completed = event.type === "TaskComplete" || event.completed === true;
    const task = {
      externalId: event.id,
      customerExternalId: event.contactId ?? null,
      title: said(event.title),
      body: said(event.body),
      assignedTo: said(event.assignedTo),
      dueAt: said(event.dueDate),
      completedAt: completed ? (versionAt ?? new Date()) : event.completed === false ? null : undefined,
      addedAt: said(event.dateAdded),
      versionAt: versionAt ?? event.dateAdded ?? null,
    };
    return { account, operations: withCustomer(event.contactId, { kind: "task", task }) };
  }
  const event = appointmentEventSchema.parse(payload);
  const account = { provider: "highlevel" as const, externalId: event.locationId };
  const item = event.appointment;
  const versionAt = item.dateUpdated ?? event.timestamp ?? null;
  if (event.type === "AppointmentDelete")
    return { account, operations: [{ kind: "record.delete", record: "appointment", externalId: item.id, versionAt }] };
  const appointment = {
    externalId: item.id,
    customerExternalId: item.contactId ?? null,
    title: said(item.title),
    status: appointmentStatus(item.appointmentStatus),
    calendarId: said(item.calendarId),
    address: said(item.address),
    notes: said(item.notes),
    assignedUserId: said(item.assignedUserId),
    startsAt: said(item.startTime),
    endsAt: said(item.endTime),
    addedAt: said(item.dateAdded),
    versionAt: versionAt ?? item.dateAdded ?? null,
  };
  return { account, operations: withCustomer(item.contactId, { kind: "appointment", appointment }) };
}
