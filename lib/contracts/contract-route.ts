import { authedRoute } from "@/lib/access/authed-route";
import { requireAccountOwner } from "@/lib/access/require-owner";
import { requirePerson } from "@/lib/access/require-person";
import type { Viewer } from "@/lib/access/viewer";
import { NotFoundError } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-body";
import { searchParamsToObject } from "@/lib/inbox/validations";
import type { AnswerOf, RouteContract, RouteInput, RouteRole } from "./define-route";

// The one wrapper a JSON route is written with: who may call it (role, token scope) is checked
// first, then the path's params, the query and the body are parsed with the contract's schemas
// (a 400 `{ error }` naming the field, as readJson always answered), and only then the handler
// runs, its answer typed by the contract.

declare const answerType: unique symbol;
/** A JSON Response known to carry the contract's answer: what `answer()` makes. */
export type TypedResponse<Body> = Response & { readonly [answerType]: Body };

/** The answer with a status or headers of its own (201, caching); a bare value answers 200. */
export const answer = <Body>(body: Body, init?: ResponseInit) => Response.json(body, init) as TypedResponse<Body>;

type Person = Extract<Viewer, { kind: "user" }>;
/** Whom the handler is told is asking: owner and person routes never see an API token. */
export type CallerOf<Role extends RouteRole> = Role extends "member" ? Viewer : Person;

type Reply<Body> = Body | TypedResponse<Body>;

type Context = { params: Promise<Record<string, string>> } | undefined;

async function caller(contract: RouteContract, viewer: Viewer, params: Record<string, string>): Promise<Viewer> {
  if (contract.role === "person") return requirePerson(viewer, "these actions");
  if (contract.role === "owner") {
    if (params.id === undefined) throw new Error(`${contract.path}: an owner route needs :id`);
    return requireAccountOwner(viewer, params.id);
  }
  return viewer;
}

// A path names a thing: one whose segments fail their schema names nothing, so 404 (not 400).
function parseParams(contract: RouteContract, rawParams: Record<string, string>) {
  if (!contract.params) return undefined;
  const parsed = contract.params.safeParse(rawParams);
  if (!parsed.success) throw new NotFoundError(contract.notFound ?? "resource");
  return parsed.data;
}

async function parseInput(contract: RouteContract, request: Request, rawParams: Record<string, string>) {
  const params = parseParams(contract, rawParams);
  const search = new URL(request.url).searchParams;
  const query = contract.query
    ? contract.query.parse(searchParamsToObject(search, contract.queryArrays ?? []))
    : undefined;
  const body = contract.body ? await readJson(request, contract.body) : undefined;
  return { params, query, body, request };
}

export function contractRoute<Contract extends RouteContract>(
  contract: Contract,
  handler: (input: RouteInput<Contract>, viewer: CallerOf<Contract["role"]>) => Promise<Reply<AnswerOf<Contract>>>,
) {
  const write = contract.tokenScope === "send" ? "send" : "team";
  return authedRoute(
    async (request: Request, context: Context, viewer) => {
      const rawParams = (await context?.params) ?? {};
      const allowed = await caller(contract, viewer, rawParams);
      const input = (await parseInput(contract, request, rawParams)) as RouteInput<Contract>;
      const reply = await handler(input, allowed as CallerOf<Contract["role"]>);
      if (reply instanceof Response) return reply;
      // `null` is "nothing to say": 204 without a body.
      if (reply === null) return new Response(null, { status: 204 });
      return Response.json(reply);
    },
    { write },
  );
}
