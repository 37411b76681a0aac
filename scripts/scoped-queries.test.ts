import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { findCustomer } from "@/lib/inbox/customers";
import type { AccountScope } from "@/lib/access/scope";

// Issue #23: every query takes (db, scope, params). The database is given by a composition root
// (a route, the worker, a script: lib/inbox, lib/triage and lib/reports may not import getPrisma,
// .dependency-cruiser.cjs), and the scope is an AccountScope that only lib/access makes. This
// checks the convention on every exported function of the three folders, read from the source,
// and that the type cannot be faked with a cast anywhere else.

const root = path.resolve(import.meta.dirname, "..");
const QUERY_FOLDERS = ["lib/inbox", "lib/triage", "lib/reports"];
const DATABASE_TYPES = new Set(["Db", "RootDb"]);

const sourcesUnder = (folder: string): string[] =>
  readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourcesUnder(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });

type Fn = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

const exported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

function exportedFunctions(source: ts.SourceFile): Array<{ name: string; fn: Fn }> {
  return source.statements.flatMap((statement): Array<{ name: string; fn: Fn }> => {
    if (!exported(statement)) return [];
    if (ts.isFunctionDeclaration(statement) && statement.name) return [{ name: statement.name.text, fn: statement }];
    if (!ts.isVariableStatement(statement)) return [];
    return statement.declarationList.declarations.flatMap((declaration) => {
      const init = declaration.initializer;
      if (!ts.isIdentifier(declaration.name) || !init) return [];
      return ts.isArrowFunction(init) || ts.isFunctionExpression(init)
        ? [{ name: declaration.name.text, fn: init }]
        : [];
    });
  });
}

/** Whether a function touches the database: async, or given one. */
function isQuery(fn: Fn, source: ts.SourceFile): boolean {
  const isAsync = (ts.getModifiers(fn) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  const returnsPromise = fn.type?.getText(source).startsWith("Promise<") ?? false;
  const givenDatabase = fn.parameters.some((p) => DATABASE_TYPES.has(p.type?.getText(source) ?? ""));
  return isAsync || returnsPromise || givenDatabase;
}

describe("queries of lib/inbox, lib/triage and lib/reports", () => {
  const queries = QUERY_FOLDERS.flatMap(sourcesUnder).flatMap((file) => {
    const source = ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, true);
    return exportedFunctions(source)
      .filter(({ fn }) => isQuery(fn, source))
      .map(({ name, fn }) => ({
        query: `${file} ${name}`,
        parameters: fn.parameters.slice(0, 2).map((p) => `${p.name.getText(source)}: ${p.type?.getText(source)}`),
      }));
  });

  it("each take (db, scope, params): the database they run on, then the accounts they may touch", () => {
    expect(queries.length).toBeGreaterThan(30);
    const wrong = queries.filter(
      ({ parameters: [db, scope] }) => !["db: Db", "db: RootDb"].includes(db ?? "") || scope !== "scope: AccountScope",
    );
    expect(wrong).toEqual([]);
  });

  it("cannot be handed a scope made up elsewhere: no cast to AccountScope outside lib/access", () => {
    const casts = ["app", "lib", "scripts", "components"]
      .flatMap(sourcesUnder)
      .filter((file) => !file.startsWith("lib/access/") && !file.startsWith("lib/generated/"))
      .filter((file) => /\bas\s+AccountScope\b/.test(readFileSync(path.join(root, file), "utf8")));
    expect(casts).toEqual([]);
  });

  it("do not compile without a scope, nor with one forged from its shape", () => {
    const db = null as unknown as Db;
    // Never called: what is checked here is the type checker's answer (npm run typecheck).
    const forgetful = () =>
      // @ts-expect-error a query without its scope does not compile
      findCustomer(db, "customer-id");
    const forged = () =>
      // @ts-expect-error an object of the right shape is not an AccountScope: only lib/access makes one
      findCustomer(db, { kind: "all" }, "customer-id");
    const scoped = (scope: AccountScope) => findCustomer(db, scope, "customer-id");
    expect([forgetful, forged, scoped].every((query) => typeof query === "function")).toBe(true);
  });
});
