import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, highLevelNote, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationDetail } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

// HighLevel's note, task and appointment webhooks through the real route and worker, read back
// through the conversation's detail (the customer panel and timeline): newest version wins
// whatever the arrival order, deletes remove them for good.

beforeEach(async () => {
  await resetDatabase();
  await postWebhook("highlevel", highLevelMessage({ dateAdded: "2025-01-01T12:00:00Z" }));
});

/** A signed delivery's own time: HighLevel's `timestamp` must be within 5 minutes of our clock. */
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function records() {
  const { body } = await conversationDetail((await conversationByExternalId("conv-1")).id);
  return body.records;
}

const note = highLevelNote;
const task = (overrides: Record<string, unknown>) => ({
  type: "TaskCreate",
  locationId: TEST_LOCATION,
  id: "task-1",
  title: "Call back about X-rays",
  body: "Ask for the insurance form",
  contactId: "contact-1",
  assignedTo: "user-1",
  dateAdded: "2025-01-02T09:00:00Z",
  dueDate: "2030-01-05T09:00:00Z",
  ...overrides,
});
const appointment = (overrides: Record<string, unknown>, fields: Record<string, unknown> = {}) => ({
  type: "AppointmentCreate",
  locationId: TEST_LOCATION,
  ...overrides,
  appointment: {
    id: "appt-1",
    title: "Cleaning",
    calendarId: "cal-1",
    contactId: "contact-1",
    appointmentStatus: "confirmed",
    startTime: "2030-03-01T15:00:00Z",
    endTime: "2030-03-01T16:00:00Z",
    dateAdded: "2025-01-02T09:00:00Z",
    dateUpdated: "2025-01-02T09:00:00Z",
    ...fields,
  },
});

describe("notes", () => {
  it("create, update out of order (older never wins), delete", async () => {
    await postWebhook("highlevel", note({}));
    expect((await records()).notes).toEqual([
      expect.objectContaining({ body: "Allergic to latex", at: "2025-01-02T09:00:00.000Z" }),
    ]);
    await postWebhook("highlevel", note({ type: "NoteUpdate", body: "newest", timestamp: minutesAgo(3) }));
    await postWebhook("highlevel", note({ type: "NoteUpdate", body: "older", timestamp: minutesAgo(4) }));
    expect((await records()).notes.map((n) => n.body)).toEqual(["newest"]);
    const deleted = await postWebhook("highlevel", note({ type: "NoteDelete", timestamp: minutesAgo(2) }));
    expect(deleted.outcome?.status).toBe("processed");
    expect((await records()).notes).toEqual([]);
    // A late update after the delete does not bring it back.
    await postWebhook("highlevel", note({ type: "NoteUpdate", body: "late", timestamp: minutesAgo(1) }));
    expect((await records()).notes).toEqual([]);
  });

  it("a delete that arrives before its create still removes it", async () => {
    await postWebhook("highlevel", note({ type: "NoteDelete" }));
    await postWebhook("highlevel", note({}));
    expect((await records()).notes).toEqual([]);
  });
});

describe("tasks", () => {
  it("open tasks with due dates; completion closes, an older update does not reopen, delete removes", async () => {
    await postWebhook("highlevel", task({}));
    await postWebhook("highlevel", task({ id: "task-2", title: "Later one", dueDate: "2030-02-01T00:00:00Z" }));
    expect((await records()).openTasks).toEqual([
      expect.objectContaining({ title: "Call back about X-rays", dueAt: "2030-01-05T09:00:00.000Z" }),
      expect.objectContaining({ title: "Later one", dueAt: "2030-02-01T00:00:00.000Z" }),
    ]);
    await postWebhook("highlevel", task({ type: "TaskComplete", timestamp: minutesAgo(2) }));
    await postWebhook("highlevel", task({ title: "stale", completed: false, timestamp: minutesAgo(3) }));
    expect((await records()).openTasks.map((t) => t.title)).toEqual(["Later one"]);
    await postWebhook("highlevel", task({ id: "task-2", type: "TaskDelete" }));
    expect((await records()).openTasks).toEqual([]);
  });
});

describe("appointments", () => {
  it("next appointment; updates out of order keep the newest; cancelled is not next; delete removes", async () => {
    await postWebhook("highlevel", appointment({}));
    expect((await records()).nextAppointment).toMatchObject({
      title: "Cleaning",
      status: "confirmed",
      startsAt: "2030-03-01T15:00:00.000Z",
    });
    const moved = { startTime: "2030-03-08T15:00:00Z", endTime: "2030-03-08T16:00:00Z" };
    await postWebhook(
      "highlevel",
      appointment({ type: "AppointmentUpdate" }, { ...moved, dateUpdated: "2025-01-04T00:00:00Z" }),
    );
    await postWebhook(
      "highlevel",
      appointment({ type: "AppointmentUpdate" }, { title: "stale", dateUpdated: "2025-01-03T00:00:00Z" }),
    );
    const after = await records();
    expect(after.nextAppointment).toMatchObject({ title: "Cleaning", startsAt: "2030-03-08T15:00:00.000Z" });
    expect(after.appointments[0]).toMatchObject({ changedAt: "2025-01-04T00:00:00.000Z" });

    await postWebhook(
      "highlevel",
      appointment(
        { type: "AppointmentUpdate" },
        { ...moved, appointmentStatus: "cancelled", dateUpdated: "2025-01-05T00:00:00Z" },
      ),
    );
    expect((await records()).nextAppointment).toBeNull();
    expect((await records()).appointments[0]?.status).toBe("cancelled");
    await postWebhook("highlevel", appointment({ type: "AppointmentDelete" }));
    expect((await records()).appointments).toEqual([]);
  });

  it("an unknown status is kept as unknown, not a failed event", async () => {
    const result = await postWebhook("highlevel", appointment({}, { appointmentStatus: "Rescheduled-ish" }));
    expect(result.outcome?.status).toBe("processed");
    expect((await records()).nextAppointment?.status).toBe("unknown");
  });
});
