import { beforeEach, describe, expect, it } from "vitest";
import { SCOPE_MISSING } from "@/lib/providers/highlevel/api/send-message";
import { createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { conversationMessages } from "@/lib/testing/read-api";
import { REPLY_CONTACT, REPLY_LOCATION, REPLY_TOKEN, replyableConversation } from "@/lib/testing/reply-fixtures";
import { attachFile as attach, runJobs, sendReply } from "@/lib/testing/replies-api";

// Attaching a file to a reply, through the real route and a stand-in for HighLevel's upload
// endpoint that records the multipart request: the exact request, the channel's limits checked
// before HighLevel is called, and the URL sent in the message's `attachments`.

const highLevel = highLevelApiStubForFile();
beforeEach(resetDatabase);

const pdf = (size: number, name = "price list.pdf") =>
  new File([new Uint8Array(size).fill(37)], name, { type: "application/pdf" });

describe("POST /api/conversations/:id/attachments", () => {
  it("uploads the file to HighLevel as its docs describe and answers its URL", async () => {
    const { conversationId, member } = await replyableConversation();
    const answer = await attach(conversationId, member.headers, pdf(2_000));
    expect(answer.status).toBe(201);
    const [upload] = highLevel().uploads;
    expect(highLevel().uploads).toHaveLength(1);
    expect(upload).toMatchObject({
      authorization: `Bearer ${REPLY_TOKEN}`,
      version: "2021-04-15",
      fields: ["conversationId", "locationId", "fileAttachment"],
      conversationId: "conv-reply",
      locationId: REPLY_LOCATION,
      file: { name: "price list.pdf", type: "application/pdf", size: 2_000 },
    });
    expect(upload?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload?.file?.bytes.equals(Buffer.alloc(2_000, 37))).toBe(true);
    expect(answer.body).toEqual({
      url: upload?.url,
      name: "price list.pdf",
      size: 2_000,
      contentType: "application/pdf",
    });
  });

  it("refuses a file over the channel's limit without calling HighLevel (413)", async () => {
    const { conversationId, member } = await replyableConversation();
    const answer = await attach(conversationId, member.headers, pdf(5 * 1024 * 1024 + 1, "scan.pdf"));
    expect(answer).toEqual({
      status: 413,
      body: expect.objectContaining({ error: "PDFs up to 5 MB on SMS (scan.pdf is 5.1 MB)" }),
    });
    expect(highLevel().seen).toEqual([]);
  });

  it("refuses a type the channel can't take without calling HighLevel (415)", async () => {
    const { conversationId, member } = await replyableConversation();
    const program = new File([new Uint8Array(10)], "setup.exe", { type: "application/x-msdownload" });
    const answer = await attach(conversationId, member.headers, program);
    expect(answer.status).toBe(415);
    expect(answer.body.error).toBe("This file type can't be sent by SMS (setup.exe)");
    expect(highLevel().seen).toEqual([]);
  });

  it("answers a member of another account as if the conversation did not exist", async () => {
    const { conversationId } = await replyableConversation();
    const stranger = await createSignedInUser();
    expect((await attach(conversationId, stranger.headers, pdf(10))).status).toBe(404);
    expect(highLevel().seen).toEqual([]);
  });

  it("HighLevel's 401 says the token lacks the scope, in the send path's words", async () => {
    const { conversationId, member } = await replyableConversation();
    highLevel().uploadQueue.push({ status: 401, body: { statusCode: 401, message: "Invalid JWT" } });
    const answer = await attach(conversationId, member.headers, pdf(10));
    expect(answer).toEqual({ status: 409, body: expect.objectContaining({ error: SCOPE_MISSING }) });
  });
});

describe("a reply with attachments", () => {
  it("sends the uploaded URLs as the message's attachments, and the thread shows them", async () => {
    const { conversationId, member } = await replyableConversation();
    const { body } = await attach(conversationId, member.headers, pdf(100));
    const sent = await sendReply(conversationId, member.headers, {
      clientKey: "key-attach-1",
      channel: "sms",
      text: "",
      attachments: [body.url],
    });
    expect(sent.status).toBe(201);
    await runJobs();
    expect(highLevel().sent.map((send) => send.body)).toEqual([
      { type: "SMS", contactId: REPLY_CONTACT, message: "", attachments: [body.url] },
    ]);
    const { messages } = (await conversationMessages(conversationId, "limit=100")).body;
    expect(messages.at(-1)?.attachments).toEqual([expect.objectContaining({ url: body.url, kind: "file" })]);
  });
});
