import { accountWhere, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { isoOrNull } from "@/lib/db/dates";
import { appointmentStatusSchema, type AppointmentStatus } from "@/lib/vocabulary";

// A customer's notes, open tasks and appointments for the customer panel and the timeline of
// their conversation. Deleted ones (tombstones kept by ingestion) are never shown; nor are another
// account's, whatever customer id is asked for.

const TIMELINE_LIMIT = 50;

export interface AppointmentView {
  id: string;
  title: string | null;
  status: AppointmentStatus | null;
  startsAt: string | null;
  endsAt: string | null;
  address: string | null;
  /** When it was booked, and last changed if later: the timeline shows it at those times. */
  addedAt: string | null;
  changedAt: string | null;
}

export interface CustomerRecords {
  nextAppointment: AppointmentView | null;
  openTasks: Array<{ id: string; title: string | null; body: string | null; dueAt: string | null }>;
  notes: Array<{ id: string; body: string | null; at: string | null }>;
  appointments: AppointmentView[];
}

export async function listCustomerRecords(
  db: Db,
  scope: AccountScope,
  customerId: string,
  now = new Date(),
): Promise<CustomerRecords> {
  const live = { customerId, deletedAt: null, ...accountWhere(scope) };
  const [next, tasks, notes, appointments] = await Promise.all([
    db.customerAppointment.findFirst({
      where: { ...live, startsAt: { gte: now }, NOT: { status: { in: ["cancelled", "invalid"] } } },
      orderBy: { startsAt: "asc" },
    }),
    db.customerTask.findMany({
      where: { ...live, completedAt: null },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: TIMELINE_LIMIT,
    }),
    db.customerNote.findMany({
      where: live,
      orderBy: [{ addedAt: { sort: "desc", nulls: "last" } }],
      take: TIMELINE_LIMIT,
    }),
    db.customerAppointment.findMany({
      where: live,
      orderBy: [{ addedAt: { sort: "desc", nulls: "last" } }],
      take: TIMELINE_LIMIT,
    }),
  ]);
  const appointmentView = (row: NonNullable<typeof next>): AppointmentView => ({
    id: row.id,
    title: row.title,
    status: row.status ? appointmentStatusSchema.parse(row.status) : null,
    startsAt: isoOrNull(row.startsAt),
    endsAt: isoOrNull(row.endsAt),
    address: row.address,
    addedAt: isoOrNull(row.addedAt ?? row.createdAt),
    changedAt:
      row.providerUpdatedAt && row.addedAt && row.providerUpdatedAt > row.addedAt
        ? isoOrNull(row.providerUpdatedAt)
        : null,
  });
  return {
    nextAppointment: next ? appointmentView(next) : null,
    openTasks: tasks.map((task) => ({ id: task.id, title: task.title, body: task.body, dueAt: isoOrNull(task.dueAt) })),
    notes: notes.map((note) => ({ id: note.id, body: note.body, at: isoOrNull(note.addedAt ?? note.createdAt) })),
    appointments: appointments.map(appointmentView),
  };
}

export const NO_CUSTOMER_RECORDS: CustomerRecords = {
  nextAppointment: null,
  openTasks: [],
  notes: [],
  appointments: [],
};
