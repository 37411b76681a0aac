import { fixtureNames, loadFixture } from "@/lib/testing/fixtures";

// What the fuzzer starts from: every provider example payload in test/fixtures, plus the CRM
// events the fixtures lack (shaped as the providers' docs describe them), so that every mapper
// (messages, contacts, opportunities) sees mutated input.

export type FuzzProvider = "highlevel" | "voxity";

export type Payload = Record<string, unknown>;

const highLevelCrm: Payload[] = [
  {
    type: "ContactCreate",
    locationId: "loc-fuzz",
    id: "contact-fuzz",
    firstName: "Ada",
    lastName: "Lovelace",
    email: "ada@example.test",
    phone: "+15550100",
    tags: ["vip"],
    dnd: false,
    dateAdded: "2025-06-01T10:00:00.000Z",
  },
  {
    type: "OpportunityStageUpdate",
    locationId: "loc-fuzz",
    id: "opp-fuzz",
    contactId: "contact-fuzz",
    name: "New patient",
    pipelineId: "pipe-1",
    pipelineStageId: "stage-1",
    status: "open",
    monetaryValue: 1200,
    assignedTo: "user-1",
    dateUpdated: "2025-06-02T10:00:00.000Z",
  },
  {
    type: "UserCreate",
    locationId: "loc-fuzz",
    id: "user-fuzz",
    firstName: "Dana",
    lastName: "Scully",
    email: "d@x.test",
  },
  { type: "LocationUpdate", id: "loc-fuzz", companyId: "co-fuzz", name: "Sunset Dental", email: "front@x.test" },
];

const voxityCrm: Payload[] = [
  {
    id: "evt-opp-fuzz",
    type: "opportunity.updated",
    agentId: "agent-fuzz",
    createdAt: "2025-08-02T17:26:15.896Z",
    data: {
      object: {
        id: "opp-fuzz",
        customerId: "cust-fuzz",
        name: "Smile design",
        pipelineId: "pipe-1",
        stageId: "stage-1",
        score: 70,
        amount: null,
        updatedAt: "2025-08-02T17:26:15.896Z",
      },
    },
  },
];

/** The payloads a provider's endpoint is fuzzed from. */
export function seedPayloads(provider: FuzzProvider): Payload[] {
  const fixtures = fixtureNames()
    .filter((name) => name.startsWith(provider))
    .map((name) => loadFixture<Payload>(name));
  return [...fixtures, ...(provider === "highlevel" ? highLevelCrm : voxityCrm)];
}
