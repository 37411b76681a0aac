import { describe, expect, it } from "vitest";
import { highLevel } from "./index";

// A contact webhook's `assignedTo` (HighLevel's assignee of the contact) through the adapter
// alone: when it says something, what, and at which time.

const contact = (fields: Record<string, unknown>) => ({
  type: "ContactUpdate",
  locationId: "loc-1",
  id: "contact-1",
  firstName: "Maria",
  dateAdded: "2025-01-01T00:00:00.000Z",
  ...fields,
});

const assignmentOf = (payload: unknown) =>
  highLevel.map(payload)?.operations.filter((operation) => operation.kind === "customer.assignment");

describe("HighLevel contact assignment mapping", () => {
  it("says who, at the update's time (else the delivery's); nobody for null or an empty id", () => {
    expect(assignmentOf(contact({ assignedTo: "hl-1", dateUpdated: "2025-02-01T10:00:00Z" }))).toEqual([
      {
        kind: "customer.assignment",
        customerExternalId: "contact-1",
        assignedTo: "hl-1",
        at: new Date("2025-02-01T10:00:00Z"),
      },
    ]);
    const timestamp = new Date().toISOString();
    expect(assignmentOf(contact({ assignedTo: null, timestamp }))).toEqual([
      { kind: "customer.assignment", customerExternalId: "contact-1", assignedTo: null, at: new Date(timestamp) },
    ]);
    // An update without a time of its own: the worker uses the delivery's arrival.
    expect(assignmentOf(contact({ assignedTo: "" }))?.[0]).toMatchObject({ assignedTo: null, at: null });
    // A new contact was assigned when it was made.
    expect(assignmentOf(contact({ type: "ContactCreate", assignedTo: "hl-2" }))?.[0]).toMatchObject({
      at: new Date("2025-01-01T00:00:00.000Z"),
    });
  });

  it("says nothing when the field is absent or not an id, and never fails the contact's other fields", () => {
    expect(assignmentOf(contact({}))).toEqual([]);
    const odd = highLevel.map(contact({ assignedTo: { id: "hl-1" } }));
    expect(odd?.operations.map((operation) => operation.kind)).toEqual(["customer"]);
    expect(assignmentOf(contact({ type: "ContactDelete", assignedTo: "hl-1" }))).toEqual([]);
  });
});
