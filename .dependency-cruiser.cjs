// The direction dependencies may take (npm run lint:architecture; the README draws it).
// Folder-level cycles are checked by scripts/check-architecture.ts.
const feature = (name) => `^lib/${name}/`;
const onlyImportedFrom = (name, module, importers, comment) => ({
  name,
  severity: "error",
  comment,
  from: { pathNot: importers },
  to: { path: module },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules must not import each other in a circle.",
      from: { pathNot: "^lib/generated/" },
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "providers-know-only-the-contract",
      severity: "error",
      comment:
        "A provider maps payloads to lib/providers/contract.ts; it never reaches into ingestion, the read side or storage.",
      from: { path: feature("providers") },
      to: { path: `${feature("(ingest|inbox|access|live|demo|media|db)")}` },
    },
    {
      name: "read-side-never-imports-ingest",
      severity: "error",
      comment: "lib/inbox reads what ingestion wrote; it does not know how it was written.",
      from: { path: feature("inbox") },
      to: { path: `${feature("(ingest|providers|demo)")}` },
    },
    {
      name: "access-below-features",
      severity: "error",
      comment: "Who may read what is a lower layer than what is read.",
      from: { path: feature("access") },
      to: { path: `${feature("(inbox|ingest|providers|demo|media|live)")}` },
    },
    {
      name: "infrastructure-below-features",
      severity: "error",
      comment:
        "Database, HTTP plumbing and logging serve features and never import them (the database closes the live relay it owns).",
      from: { path: "^lib/(db|http|normalize|mail)/|^lib/(logger|vocabulary|format)\\.ts$" },
      to: { path: `${feature("(inbox|ingest|providers|access|demo|media)")}` },
    },
    // Who may make an AccountScope (lib/access/scope.ts): each constructor, and the only importers it has.
    onlyImportedFrom(
      "scope-minted-in-access",
      "^lib/access/scope-mint\\.ts$",
      "^lib/access/",
      "An AccountScope is made only in lib/access: from a viewer, an API token, a verified provider account, or for scripts.",
    ),
    onlyImportedFrom(
      "ingest-scope-for-ingestion-only",
      "^lib/access/ingest-scope\\.ts$",
      "^lib/(access|ingest|messages)/",
      "Only ingestion (and the message store it writes through) acts for a verified provider account.",
    ),
    onlyImportedFrom(
      "script-scope-outside-requests",
      "^lib/access/script-scope\\.ts$",
      "^(scripts|lib/testing|lib/demo|lib/access)/|\\.test\\.tsx?$",
      "Scripts, tests and the demo's seeding may pick a scope; a request's comes from its viewer (authedRoute).",
    ),
    {
      name: "queries-take-their-database",
      severity: "error",
      comment:
        "lib/inbox, lib/triage and lib/reports are given the database (db, scope, params); getPrisma() is for composition roots (routes, worker, scripts).",
      from: { path: "^lib/(inbox|triage|reports)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^lib/db/index\\.ts$" },
    },
    {
      name: "lib-never-imports-ui",
      severity: "error",
      comment: "Test helpers (lib/testing) drive the real route handlers; nothing else in lib knows the app.",
      from: { path: "^lib/", pathNot: "^lib/testing/" },
      to: { path: "^(components|app)/" },
    },
    {
      name: "contracts-are-browser-safe",
      severity: "error",
      comment:
        "Route contracts (lib/contracts) are imported by the browser: server modules' types and zod schemas only. The wrapper that serves them (contract-route.ts) is the server's.",
      from: { path: "^lib/contracts/", pathNot: "^lib/contracts/contract-route\\.ts$" },
      to: {
        path: `${feature("(db|ingest|inbox|access|live|media|demo|team|replies|triage|reports|profile|bulk-actions|providers)")}`,
        pathNot: "(-types|validations)\\.ts$",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "ui-calls-routes-through-contracts",
      severity: "error",
      comment:
        "Components call a route through its contract (components/api/call-route.ts); serving one is the server's.",
      from: { path: "^components/" },
      to: { path: "^lib/contracts/contract-route\\.ts$" },
    },
    {
      name: "ui-imports-only-types-from-the-server",
      severity: "error",
      comment: "Client components get server modules' types, never their code (it would ship to the browser).",
      from: { path: "^components/" },
      to: {
        path: `${feature("(db|ingest|inbox|access|live|media|demo)")}`,
        // API contracts written to be browser-safe: zod schemas and types, no server code.
        pathNot: "(-types|validations)\\.ts$",
        dependencyTypesNot: ["type-only"],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/generated/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
  },
};
