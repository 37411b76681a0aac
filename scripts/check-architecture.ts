import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

// What the tree's shape promises, checked in CI: no source file over 300 lines, and no
// folder-level import cycles in lib/ and components/ (dependency-cruiser's own rules check
// modules and the allowed directions; a cycle between two folders can exist with no cycle
// between their files, so it is computed here from its graph). Tests and test helpers are left
// out: a test depending on the helpers that drive the code it tests is not a design cycle.

interface Cruise {
  modules: Array<{ source: string; dependencies: Array<{ resolved: string }> }>;
}

const isTest = (path: string) => /\.test\.tsx?$/.test(path) || path.startsWith("lib/testing/");
const folderOf = (path: string) => {
  const parts = path.split("/");
  if (parts[0] !== "lib" && parts[0] !== "components") return null;
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
};

const output = execFileSync(
  "npx",
  ["depcruise", "lib", "components", "--no-config", "--ts-config", "tsconfig.json", "-T", "json"],
  {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"],
  },
);
const cruise = JSON.parse(output) as Cruise;
const edges = new Map<string, Set<string>>();
const examples = new Map<string, string>();
for (const module of cruise.modules) {
  const from = folderOf(module.source);
  if (!from || isTest(module.source) || module.source.startsWith("lib/generated")) continue;
  for (const { resolved } of module.dependencies) {
    const to = folderOf(resolved);
    if (!to || to === from || resolved.startsWith("lib/generated") || isTest(resolved)) continue;
    edges.set(from, (edges.get(from) ?? new Set()).add(to));
    examples.set(`${from} -> ${to}`, `${module.source} -> ${resolved}`);
  }
}

/** Every cycle reachable in the folder graph, each reported once from its smallest folder. */
function cycles(): string[][] {
  const found: string[][] = [];
  const walk = (start: string, node: string, path: string[]) => {
    for (const next of edges.get(node) ?? []) {
      if (next === start) found.push([...path, start]);
      else if (!path.includes(next) && next > start) walk(start, next, [...path, next]);
    }
  };
  for (const start of [...edges.keys()].sort()) walk(start, start, [start]);
  return found;
}

// One reason to change per file: past this many lines a file is doing several things.
const MAX_LINES = 300;
const sources = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "*.ts", "*.tsx", "*.mjs"], {
  encoding: "utf8",
})
  .split("\n")
  .filter((file) => file && !file.startsWith("lib/generated/"));
const tooLong = sources
  .map((file) => {
    try {
      return { file, lines: readFileSync(file, "utf8").split("\n").length };
    } catch {
      return { file, lines: 0 }; // listed by git but deleted in the working tree
    }
  })
  .filter(({ lines }) => lines > MAX_LINES);
for (const { file, lines } of tooLong) console.error(`${file}: ${lines} lines (at most ${MAX_LINES})`);

const found = cycles();
for (const cycle of found) {
  console.error(`folder cycle: ${cycle.join(" -> ")}`);
  for (let i = 0; i + 1 < cycle.length; i++) console.error(`  ${examples.get(`${cycle[i]} -> ${cycle[i + 1]}`)}`);
}
if (found.length > 0 || tooLong.length > 0) process.exit(1);
console.log(
  `no folder-level import cycles in lib/ and components/ (${edges.size} folders); no source file over ${MAX_LINES} lines`,
);
