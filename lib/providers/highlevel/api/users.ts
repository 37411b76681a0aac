import { z } from "zod";
import { HighLevelApiError, highLevelGet } from "./client";

// HighLevel's "Get User" (GET /users/{userId}, API 2.0, Version 2021-07-28, scope users.readonly):
// one user by id, answered as the user object itself ({ id, name, firstName, lastName, email, … }).
// Used to name the `userId` of an OutboundMessage no UserCreate webhook told us about. 429 and 5xx
// are retried a few times (highLevelGet); what still fails throws HighLevelApiError.

const userSchema = z.looseObject({
  id: z.string().nullish(),
  name: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  email: z.string().nullish(),
});

export interface HighLevelUserName {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

export async function fetchHighLevelUser(token: string, userId: string): Promise<HighLevelUserName> {
  const answer = userSchema.safeParse(await highLevelGet({ token, path: `/users/${encodeURIComponent(userId)}` }));
  if (!answer.success) throw new HighLevelApiError("HighLevel's user did not read as one", 200);
  const { name, firstName, lastName, email } = answer.data;
  // Only `name` given: its first word is the first name, the rest the last.
  const [first, ...rest] = (name ?? "").trim().split(/\s+/);
  return {
    firstName: firstName?.trim() || first || null,
    lastName: lastName?.trim() || rest.join(" ") || null,
    email: email?.trim() || null,
  };
}
