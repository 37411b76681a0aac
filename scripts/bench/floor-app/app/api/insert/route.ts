import pg from "pg";

// The framework floor: the least a Next.js route handler can do for a webhook — read the body,
// parse it, one INSERT (same pg Pool size and table shape as baseline-server.mjs), answer.
// Threadline's ack path is measured against this, so the gap is ours, not the framework's.

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
});
// Created once per process on the first request (like the baseline's CREATE at start), not at
// import: `next build` imports the module without a database.
let ready: Promise<unknown> | null = null;

export async function POST(request: Request): Promise<Response> {
  try {
    await (ready ??= pool.query(
      "CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, payload jsonb NOT NULL)",
    ));
    const payload: unknown = JSON.parse(await request.text());
    await pool.query("INSERT INTO bench_floor (payload) VALUES ($1)", [payload]);
    return Response.json({ status: "stored" });
  } catch (error) {
    return Response.json({ error: String(error) }, { status: 500 });
  }
}

export function GET(): Response {
  return new Response("floor");
}
