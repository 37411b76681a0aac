import { type ReceivedOf, type RouteCall, type RouteContract, routeUrl } from "@/lib/contracts/define-route";
import { type ApiFetchOptions, apiFetch } from "./api-fetch";

// The browser's way to call a route: through its contract (lib/contracts), so the URL, the
// method, what is sent and the answer's type are the server's own, never declared again here.

type CallOptions = Pick<ApiFetchOptions, "signal" | "redirectOnUnauthorized">;

export function callRoute<Contract extends RouteContract>(
  contract: Contract,
  call: RouteCall<Contract>,
  options: CallOptions = {},
): Promise<ReceivedOf<Contract>> {
  const { params, query, body } = call as { params?: Record<string, string>; query?: object; body?: unknown };
  return apiFetch<ReceivedOf<Contract>>(routeUrl(contract, params, query as Record<string, unknown>), {
    ...options,
    method: contract.method,
    body,
  });
}

/** The contract's URL, for what fetch cannot do through apiFetch (a keepalive on page close). */
export const urlOf = <Contract extends RouteContract>(contract: Contract, call: RouteCall<Contract>) =>
  routeUrl(
    contract,
    (call as { params?: Record<string, string> }).params,
    (call as { query?: Record<string, unknown> }).query,
  );
