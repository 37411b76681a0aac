import { beforeEach, describe, expect, it } from "vitest";
import { createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { getProfile, putProfile } from "@/lib/testing/profile-api";

// A person's email signature, through the real route: their own only, kept as typed, at most
// 2,000 characters (what it adds to email replies: lib/replies/send.test.ts).

beforeEach(resetDatabase);

describe("the email signature", () => {
  it("is the person's own: saved as typed, read back, blank removes it, too long is a 400", async () => {
    const ana = await createSignedInUser();
    const bo = await createSignedInUser();
    expect((await getProfile(ana.headers)).body).toEqual({ profile: { emailSignature: "" } });
    const signature = "Ana Ruiz\nFront desk · Sunset Dental";
    expect((await putProfile(ana.headers, { emailSignature: signature })).status).toBe(200);
    expect((await getProfile(ana.headers)).body).toEqual({ profile: { emailSignature: signature } });
    expect((await getProfile(bo.headers)).body).toEqual({ profile: { emailSignature: "" } });
    const tooLong = await putProfile(ana.headers, { emailSignature: "x".repeat(2_001) });
    expect(tooLong).toMatchObject({
      status: 400,
      body: { error: "emailSignature: a signature can be at most 2000 characters" },
    });
    expect((await putProfile(ana.headers, { emailSignature: "  \n " })).body).toEqual({
      profile: { emailSignature: "" },
    });
  });
});
