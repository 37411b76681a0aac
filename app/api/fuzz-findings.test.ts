import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { accountIdOf } from "@/lib/testing/auth";
import { bulk } from "@/lib/testing/bulk-api";
import { resetDatabase } from "@/lib/testing/database";
import { putDraft } from "@/lib/testing/drafts-api";
import { createLabel } from "@/lib/testing/label-api";
import { TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { deleteSavedView, saveView } from "@/lib/testing/saved-views-api";
import { addNote, assign } from "@/lib/testing/team-api";
import { anaAndBenOnOneConversation } from "@/lib/testing/team";

// What the write-route fuzz (app/api/write-routes-fuzz.test.ts) found, each a 500 before its fix.

beforeEach(resetDatabase);

describe("a NUL character inside a JSON body's strings", () => {
  // Valid JSON, but PostgreSQL text cannot hold "\u0000": it reached a query and failed it (22021).
  it("is a 400 on every route that reads a body, and nothing is stored", async () => {
    const { ana, conversationId } = await anaAndBenOnOneConversation();
    const accountId = await accountIdOf("highlevel", TEST_LOCATION);
    const prisma = await getPrisma();
    await prisma.membership.updateMany({ where: { userId: ana.id }, data: { role: "owner" } });
    const answers = {
      bulk: await bulk({ target: { ids: [conversationId, "\u0000"] }, action: { kind: "read" } }, ana.headers),
      note: await addNote(conversationId, { text: "a\u0000b" }, ana.headers),
      assign: await assign(conversationId, "x\u0000", ana.headers),
      label: await createLabel(accountId, { name: "VIP\u0000" }, ana.headers),
      view: await saveView({ name: "v", query: "q=\u0000", shared: false }, ana.headers),
      draft: await putDraft(conversationId, ana.headers, { text: "hi\u0000" }),
      key: await saveView({ name: "v", query: "", shared: false, "\u0000": 1 }, ana.headers),
    };
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer, name).toMatchObject({
        status: 400,
        body: { error: "the body contains a NUL character (\\u0000)" },
      });
    }
    expect(await prisma.conversationNote.count()).toBe(0);
    expect(await prisma.label.count()).toBe(0);
    expect(await prisma.savedView.count()).toBe(0);
    expect(await prisma.bulkAction.count()).toBe(0);
  });
});

describe("deleting one saved view several times at the same moment", () => {
  // The second Delete found the view, then found it gone when it deleted: P2025, a 500. Only
  // PostgreSQL's several connections interleave the two like that; on PGlite it always passed.
  it("deletes it once and answers the others 404, not 500", async () => {
    const { ana } = await anaAndBenOnOneConversation();
    for (let round = 0; round < 3; round++) {
      const { body } = await saveView({ name: `Mine ${round}`, query: "view=mine", shared: false }, ana.headers);
      const answers = await Promise.all(Array.from({ length: 8 }, () => deleteSavedView(body.view.id, ana.headers)));
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 204)).toHaveLength(1);
      expect(statuses.filter((status) => status !== 204)).toEqual(Array(7).fill(404));
    }
  });
});
