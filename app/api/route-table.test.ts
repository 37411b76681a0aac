import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every route handler is authenticated (authedRoute, or contractRoute built on it) unless it
// is listed below as public, with why. authedRoute gives the handler a Viewer whose scope is the
// only AccountScope a route can hold (lib/access/scope.ts: the type is branded, and the routes
// may not import its other constructors, .dependency-cruiser.cjs), and every query of lib/inbox,
// lib/triage and lib/reports takes one (scripts/scoped-queries.test.ts): so an authenticated
// route passes its viewer's scope to every query it makes, or does not compile.

const AUTHENTICATED = new Set(["authedRoute", "contractRoute"]);

/** Routes no viewer calls, each with the reason, and how each is built. */
const PUBLIC_ROUTES: Record<string, { wrapper: string; why: string }> = {
  "app/api/auth/[...all]/route.ts GET": { wrapper: "handleAuthRequest", why: "sign-in itself (Better Auth)" },
  "app/api/auth/[...all]/route.ts POST": { wrapper: "handleAuthRequest", why: "sign-in itself (Better Auth)" },
  "app/api/health/route.ts GET": { wrapper: "routeHandler", why: "the load balancer's health check; reads no account" },
  "app/api/invitations/accept/route.ts POST": {
    wrapper: "routeHandler",
    why: "the invitation's secret token is the credential; the person has no account yet",
  },
  "app/api/demo-media/[name]/route.ts GET": {
    wrapper: "function",
    why: "the demo's bundled sample recordings (assets/), no customer's data",
  },
  "app/api/webhooks/highlevel/route.ts POST": {
    wrapper: "webhookRoute",
    why: "a provider's signed delivery; ingestion scopes it to the verified account",
  },
  "app/api/webhooks/leadconnector/route.ts POST": {
    wrapper: "re-export",
    why: "HighLevel's webhook under its old URL: the same handler as app/api/webhooks/highlevel",
  },
  "app/api/webhooks/voxity/route.ts POST": {
    wrapper: "webhookRoute",
    why: "a provider's signed delivery; ingestion scopes it to the verified account",
  },
  "app/api/webhooks/voxity/[secret]/route.ts POST": {
    wrapper: "webhookRoute",
    why: "a provider's delivery to its secret URL; ingestion scopes it to the verified account",
  },
};

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function routeFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" || entry.name === "route.tsx" ? [full] : [];
  });
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** How each exported HTTP method of a route file is built: the wrapper it is called with, or "function". */
function handlersOf(file: string): Array<{ method: string; wrapper: string }> {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: Array<{ method: string; wrapper: string }> = [];
  for (const statement of source.statements) {
    if (
      ts.isFunctionDeclaration(statement) &&
      isExported(statement) &&
      statement.name &&
      METHODS.has(statement.name.text)
    )
      found.push({ method: statement.name.text, wrapper: "function" });
    if (ts.isVariableStatement(statement) && isExported(statement))
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !METHODS.has(declaration.name.text)) continue;
        const init = declaration.initializer;
        const wrapper =
          init && ts.isCallExpression(init) && ts.isIdentifier(init.expression)
            ? init.expression.text
            : init && ts.isIdentifier(init)
              ? init.text
              : "unknown";
        found.push({ method: declaration.name.text, wrapper });
      }
    // `export { GET } from "…"` would hide how the handler is built: refused outright.
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause))
      for (const element of statement.exportClause.elements)
        if (METHODS.has(element.name.text)) found.push({ method: element.name.text, wrapper: "re-export" });
  }
  return found;
}

describe("the route table", () => {
  const root = path.resolve(import.meta.dirname, "..", "..");
  const handlers = routeFiles(path.join(root, "app")).flatMap((file) =>
    handlersOf(file).map((handler) => ({ ...handler, route: `${path.relative(root, file)} ${handler.method}` })),
  );

  it("authenticates every handler but the listed public ones, so each has a viewer's scope to pass", () => {
    expect(handlers.length).toBeGreaterThan(Object.keys(PUBLIC_ROUTES).length);
    const unauthenticated = handlers
      .filter((handler) => !AUTHENTICATED.has(handler.wrapper))
      .map(({ route, wrapper }) => ({ route, wrapper }));
    const listed = Object.entries(PUBLIC_ROUTES).map(([route, { wrapper }]) => ({ route, wrapper }));
    const byRoute = (a: { route: string }, b: { route: string }) => a.route.localeCompare(b.route);
    expect(unauthenticated.sort(byRoute)).toEqual(listed.sort(byRoute));
  });

  it("reads no account's data from a public route: none imports lib/inbox, lib/triage or lib/reports", () => {
    const publicFiles = new Set(Object.keys(PUBLIC_ROUTES).map((route) => route.split(" ")[0]!));
    const reading = [...publicFiles].filter((file) =>
      /from "@\/lib\/(inbox|triage|reports)[/"]/.test(readFileSync(path.join(root, file), "utf8")),
    );
    expect(reading).toEqual([]);
  });
});
