import { beforeEach, describe, expect, it } from "vitest";
import { getDatabase, getPrisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { resetDatabase } from "@/lib/testing/database";
import {
  ACTIVITY_KINDS,
  ATTACHMENT_KINDS,
  CALL_OUTCOMES,
  CHANNELS,
  DIRECTIONS,
  EVENT_STATUSES,
  MAIL_KINDS,
  MAIL_STATUSES,
  MEMBERSHIP_ROLES,
  PROVIDERS,
  APPOINTMENT_STATUSES,
  JOB_STATES,
  LABEL_COLORS,
  REPLY_STATES,
  TRANSCRIPT_FETCH_STATUSES,
  API_TOKEN_SCOPES,
  SEND_AUDIT_ACTIONS,
} from "@/lib/vocabulary";
import { readMigrations } from "./migrations";

// The migrations are SQL written by hand; these tests prove the database they build is the
// one schema.prisma describes, on whichever database the suite runs against.

beforeEach(resetDatabase);

interface RuntimeModel {
  dbName: string | null;
  fields: Array<{ name: string; kind: string; dbName?: string }>;
}
/** The generated client's own model of the schema: table and column names as schema.prisma maps them. */
async function runtimeDataModel(): Promise<Record<string, RuntimeModel>> {
  const prisma = await getPrisma();
  const config = (prisma as unknown as { _runtimeDataModel: { models: Record<string, RuntimeModel> } })
    ._runtimeDataModel;
  return config.models;
}

describe("closed vocabularies", () => {
  // Each column's CHECK constraint allows exactly the values lib/vocabulary.ts lists.
  const COLUMNS: Array<[string, string, readonly string[]]> = [
    ["accounts", "provider", PROVIDERS],
    ["webhook_events", "provider", PROVIDERS],
    ["webhook_events", "status", EVENT_STATUSES],
    ["messages", "channel", CHANNELS],
    ["messages", "direction", DIRECTIONS],
    ["messages", "call_outcome", CALL_OUTCOMES],
    ["conversations", "last_message_channel", CHANNELS],
    ["conversations", "last_message_direction", DIRECTIONS],
    ["attachments", "kind", ATTACHMENT_KINDS],
    ["memberships", "role", MEMBERSHIP_ROLES],
    ["invitations", "role", MEMBERSHIP_ROLES],
    ["mail_outbox", "kind", MAIL_KINDS],
    ["mail_outbox", "status", MAIL_STATUSES],
    ["call_transcripts", "fetch_status", TRANSCRIPT_FETCH_STATUSES],
    ["customer_appointments", "status", APPOINTMENT_STATUSES],
    ["jobs", "state", JOB_STATES],
    ["replies", "state", REPLY_STATES],
    ["conversation_activities", "kind", ACTIVITY_KINDS],
    ["labels", "color", LABEL_COLORS],
    ["api_tokens", "scope", API_TOKEN_SCOPES],
    ["send_audit", "action", SEND_AUDIT_ACTIONS],
  ];

  it.each(COLUMNS)("%s.%s allows exactly the vocabulary", async (table, column, values) => {
    const prisma = await getPrisma();
    const [row] = await prisma.$queryRawUnsafe<Array<{ definition: string }>>(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = $1`,
      `${table}_${column}_check`,
    );
    const allowed = [...(row?.definition ?? "").matchAll(/'([^']+)'/g)].map((match) => match[1]).sort();
    expect(allowed).toEqual([...values].sort());
  });

  it("a value outside the vocabulary cannot be stored", async () => {
    const prisma = await getPrisma();
    await expect(prisma.account.create({ data: { provider: "myspace", externalId: "x" } })).rejects.toThrow(/check/i);
  });
});

describe("migrated database matches schema.prisma", () => {
  it("has exactly the columns of every model (plus the database-written search vector)", async () => {
    const prisma = await getPrisma();
    const models = await runtimeDataModel();
    const expectedModels =
      "Account ApiToken Attachment AuthAccount BulkAction BulkActionItem CallTranscript Conversation ConversationActivity ConversationLabel ConversationNote ConversationPresence ConversationRead Customer CustomerAppointment CustomerConsent CustomerLink CustomerNote CustomerTask HighLevelConnection HighLevelContactAssignment HighLevelPipeline HighLevelRateLimit HighLevelStage HighLevelSyncSettings HighLevelUserLink Invitation Job Label MailOutbox Membership Message NoteMention Opportunity RecordingWaveform Reply ReplyDraft SavedView SendAudit Session Teammate User Verification WebhookEvent";
    // Job, Reply and ReplyDraft are written and read back in schema-replies.test.ts.
    expect(Object.keys(models).sort().join(" ")).toBe(expectedModels);
    for (const [name, model] of Object.entries(models)) {
      const table = model.dbName ?? name;
      const columns = await prisma.$queryRaw<Array<{ column_name: string }>>`
        SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`;
      const expected = model.fields.filter((f) => f.kind === "scalar").map((f) => f.dbName ?? f.name);
      if (table === "messages") expected.push("search_vector");
      expect(columns.map((c) => c.column_name).sort(), table).toEqual(expected.sort());
    }
  });

  it("records every migration in _prisma_migrations as prisma migrate deploy does", async () => {
    const prisma = await getPrisma();
    const rows = await prisma.$queryRaw<
      Array<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>
    >`
      SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`;
    const files = await readMigrations();
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it("writes and reads back every model, every field, through the generated client", async () => {
    const prisma = await getPrisma();
    const at = new Date("2025-06-01T12:34:56.789Z");
    const account = await prisma.account.create({
      data: { provider: "highlevel", externalId: "loc-schema", name: "Clinic" },
    });
    const customer = await prisma.customer.create({
      data: {
        accountId: account.id,
        externalId: "ct-1",
        firstName: "Ana",
        lastName: "Ruiz",
        name: "Ana Ruiz",
        phone: "(415) 555-2671",
        phoneE164: "+14155552671",
        email: "Ana@X.com",
        emailNormalized: "ana@x.com",
        tags: ["vip", "es"],
        smsConsent: "optedIn",
        sourceChannel: "facebook",
        providerUpdatedAt: at,
        deletedAt: null,
      },
    });
    const conversation = await prisma.conversation.create({
      data: {
        accountId: account.id,
        customerId: customer.id,
        externalId: "cv-1",
        lastMessageAt: at,
        lastMessageId: "m",
        lastMessagePreview: "hi",
        lastMessageChannel: "sms",
        lastMessageDirection: "inbound",
        messageKinds: ["sms:inbound"],
        unreadCount: 2,
      },
    });
    const message = await prisma.message.create({
      data: {
        accountId: account.id,
        conversationId: conversation.id,
        externalId: "ms-1",
        channel: "email",
        direction: "outbound",
        status: "sent",
        body: "<p>Hola</p>",
        bodyText: "Hola",
        contentType: "text/html",
        subject: "Cita",
        emailFrom: "a@x.com",
        emailTo: ["b@x.com"],
        emailCc: ["c@x.com"],
        emailBcc: ["d@x.com"],
        emailThreadId: "th",
        emailMessageId: "em",
        callDurationSeconds: 61,
        callOutcome: "answered",
        authorName: "Agent",
        authorExternalId: "u-1",
        source: "app",
        sentAt: at,
        webhookEventId: "ev",
        attachments: { create: [{ position: 0, url: "https://x/a.mp3", kind: "recording", playable: true }] },
      },
      include: { attachments: true },
    });
    const opportunity = await prisma.opportunity.create({
      data: {
        accountId: account.id,
        customerId: customer.id,
        externalId: "op-1",
        name: "Deal",
        pipelineId: "p",
        pipelineName: "Sales",
        stageId: "s",
        stageName: "New",
        status: "open",
        monetaryValue: new Prisma.Decimal("1234.56"),
        currency: "USD",
        score: 70,
        ownerId: "u",
        ownerName: "Owner",
        providerUpdatedAt: at,
      },
    });
    const event = await prisma.webhookEvent.create({
      data: {
        provider: "voxity",
        dedupeKey: "k",
        eventType: "t",
        accountExternalId: "a",
        rawBody: Buffer.from([0, 0xff, 0x7b]),
        status: "processed",
        error: null,
        attempts: 1,
        availableAt: at,
        processedAt: at,
        deliveryId: "wh-1",
      },
    });
    const user = await prisma.user.create({
      data: { id: "u-1", name: "Owner", email: "o@x.com", emailVerified: true, image: null, isAdmin: true },
    });
    const session = await prisma.session.create({
      data: { id: "s-1", token: "t", userId: user.id, expiresAt: at, ipAddress: "::1", userAgent: "ua" },
    });
    const authAccount = await prisma.authAccount.create({
      data: {
        id: "aa-1",
        accountId: user.id,
        providerId: "credential",
        userId: user.id,
        accessToken: "a",
        refreshToken: "r",
        idToken: "i",
        accessTokenExpiresAt: at,
        refreshTokenExpiresAt: at,
        scope: "s",
        password: "hash",
      },
    });
    const verification = await prisma.verification.create({
      data: { id: "v-1", identifier: "i", value: "v", expiresAt: at },
    });
    const membership = await prisma.membership.create({
      data: { userId: user.id, accountId: account.id, role: "owner" },
    });
    const token = await prisma.apiToken.create({
      data: { accountId: account.id, name: "crm", tokenHash: "h", lastUsedAt: at, revokedAt: at },
    });
    const invitation = await prisma.invitation.create({
      data: {
        accountId: account.id,
        email: "n@x.com",
        role: "member",
        tokenHash: "ih",
        invitedBy: user.id,
        expiresAt: at,
        acceptedAt: at,
      },
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(user);
    expect(await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).toEqual(session);
    expect(await prisma.authAccount.findUniqueOrThrow({ where: { id: authAccount.id } })).toEqual(authAccount);
    expect(await prisma.verification.findUniqueOrThrow({ where: { id: verification.id } })).toEqual(verification);
    expect(
      await prisma.membership.findUniqueOrThrow({
        where: { userId_accountId: { userId: user.id, accountId: account.id } },
      }),
    ).toEqual(membership);
    expect(await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).toEqual(token);
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toEqual(invitation);

    expect(await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).toEqual(customer);
    expect(await prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toEqual(conversation);
    expect(
      await prisma.message.findUniqueOrThrow({ where: { id: message.id }, include: { attachments: true } }),
    ).toEqual(message);
    const readOpportunity = await prisma.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } });
    expect(readOpportunity.monetaryValue?.toString()).toBe("1234.56");
    expect({ ...readOpportunity, monetaryValue: null }).toEqual({ ...opportunity, monetaryValue: null });
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
    expect(await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).toEqual(account);

    // The database fills the search vector from subject and plain-text body.
    const hits = await prisma.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM messages WHERE search_vector @@ to_tsquery('simple', 'cita & hola')`;
    expect(hits.map((h) => h.id)).toEqual([message.id]);
  });

  it("applying the migrations again changes nothing", async () => {
    const { applyMigrations } = await import("./migrations");
    const database = await getDatabase();
    const prisma = database.prisma;
    const ran = await applyMigrations(
      {
        exec: async (sql) => void (await prisma.$executeRawUnsafe(sql)),
        query: async <Row>(sql: string, params: unknown[] = []) => prisma.$queryRawUnsafe<Row[]>(sql, ...params),
      },
      { useAdvisoryLock: false },
    );
    expect(ran).toEqual([]);
  });
});
