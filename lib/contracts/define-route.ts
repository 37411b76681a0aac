import type { z } from "zod";

// One endpoint's contract, shared by its route (lib/contracts/contract-route.ts parses the input
// with it and types the handler's answer) and the browser (components/api/call-route.ts builds
// the URL and types the JSON). Browser-safe: zod schemas and types only, no server code.

export type RouteMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call it. "member": anyone who reads the account (the viewer's scope narrows what they
 * see). "person": a signed-in person, never an API token (presence, saved views, bulk actions).
 * "owner": a signed-in owner of the account in the path's `:id`.
 */
export type RouteRole = "member" | "person" | "owner";

/**
 * Which API tokens may call its writes (reads are open to every token of the account): "read"
 * tokens write nothing; "send" ones may send a reply or decide about one.
 */
export type RouteTokenScope = "read" | "send";

/** The answer's type, carried by the contract for both sides; never a value. */
export interface Responds<Body> {
  readonly responds?: Body;
}
/** `response: responds<ConversationPage>()`: the JSON the route answers (`null` for a 204). */
export const responds = <Body>(): Responds<Body> => ({});

type ParamsSchema = z.ZodType<Record<string, string>, Record<string, string>>;

export interface RouteContract<
  Path extends string = string,
  Params extends ParamsSchema | undefined = ParamsSchema | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Answer = unknown,
  Role extends RouteRole = RouteRole,
> {
  method: RouteMethod;
  /** With `:name` for each dynamic segment, as in the app's folders: /api/conversations/:id/notes. */
  path: Path;
  params?: Params;
  /** What a path whose params fail their schema names, for its 404 ("report" → "report not found"). */
  notFound?: string;
  query?: Query;
  /** Query keys that repeat (?channel=sms&channel=call) or list (?channel=sms,call). */
  queryArrays?: readonly string[];
  body?: Body;
  role: Role;
  tokenScope?: RouteTokenScope;
  response: Responds<Answer>;
}

export const defineRoute = <
  const Path extends string,
  Params extends ParamsSchema | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
  Answer = unknown,
  const Role extends RouteRole = RouteRole,
>(
  contract: RouteContract<Path, Params, Query, Body, Answer, Role>,
) => contract;

// The property is optional, so its type carries `| undefined`: look past it, not through it.
type Declared<Schema> = [NonNullable<Schema>] extends [never] ? false : true;
type Parsed<Schema> = Declared<Schema> extends true ? z.output<NonNullable<Schema> & z.ZodType> : undefined;
type Sent<Schema> = Declared<Schema> extends true ? z.input<NonNullable<Schema> & z.ZodType> : undefined;

/** What the server hands the handler, parsed. */
export interface RouteInput<Contract extends RouteContract> {
  params: Parsed<Contract["params"]>;
  query: Parsed<Contract["query"]>;
  body: Parsed<Contract["body"]>;
  request: Request;
}

/** What the browser sends, before parsing (dates as strings, numbers as numbers or strings). */
export type RouteCall<Contract extends RouteContract> = (Declared<Contract["params"]> extends true
  ? { params: Sent<Contract["params"]> }
  : { params?: undefined }) &
  (Declared<Contract["query"]> extends true ? { query?: Sent<Contract["query"]> } : { query?: undefined }) &
  (Declared<Contract["body"]> extends true ? { body: Sent<Contract["body"]> } : { body?: undefined });

export type AnswerOf<Contract extends RouteContract> = Contract["response"] extends Responds<infer Body> ? Body : never;

/** A value as JSON carries it: a Date becomes its ISO string. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Json<Item>[]
    : T extends readonly (infer Item)[]
      ? readonly Json<Item>[]
      : T extends object
        ? { [Key in keyof T]: Json<T[Key]> }
        : T;

/** The answer as the browser receives it. */
export type ReceivedOf<Contract extends RouteContract> = Json<AnswerOf<Contract>>;

/** A query object as the URL's search: arrays repeat their key, absent values are left out. */
export function searchOf(query: Record<string, unknown> = {}): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value])
      search.append(key, item instanceof Date ? item.toISOString() : String(item));
  }
  return search;
}

/** The contract's URL for these params and query (each segment and value encoded). */
export function routeUrl(
  contract: Pick<RouteContract, "path">,
  params: Record<string, string> = {},
  query: Record<string, unknown> = {},
): string {
  const path = contract.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${contract.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  const search = searchOf(query).toString();
  return search ? `${path}?${search}` : path;
}
