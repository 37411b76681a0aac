// The physical-limit baseline: the least an HTTP webhook receiver can do — parse the body and
// INSERT it — in plain Node with the same driver and database Threadline uses.
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
});
await pool.query("CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, payload jsonb NOT NULL)");
http
  .createServer(async (req, res) => {
    if (req.method !== "POST") return void res.writeHead(200).end("baseline");
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    try {
      const payload = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      await pool.query("INSERT INTO bench_baseline (payload) VALUES ($1)", [payload]);
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"stored"}');
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(error) }));
    }
  })
  .listen(Number(process.env.PORT), "127.0.0.1", () => console.log("baseline listening"));
