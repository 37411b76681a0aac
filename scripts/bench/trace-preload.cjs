// BENCH_TRACE=<folder>: loaded with --require into every server the bench starts (processes.ts),
// before Next.js. It records where a webhook delivery spent its time on the server, one JSON line
// per second in <folder>/server-<pid>.jsonl:
// - arrived: requests the HTTP parser read off a socket (before any queue), and the longest gap
//   on a kept-alive socket from one answer to the next request read (the sender sends at once);
// - entered: requests that reached Next.js's listener (after the socket stamp and front gate);
// - statuses, longest time from read to answer; answers written while no timer had run for over
//   a second (the loop busy without reaching its timers phase);
// - sockets the sender closed with a request unanswered (a client timeout, seen from here);
// - the longest gap between two ticks of a 10 ms timer and of a setImmediate chain.
// Nothing here changes an answer.
const { performance } = require("node:perf_hooks");
const { appendFileSync, mkdirSync } = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const folder = process.env.BENCH_TRACE;
if (folder) {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `server-${process.pid}.jsonl`);
  const fresh = () => ({
    accepted: 0,
    arrived: 0,
    entered: 0,
    statuses: {},
    maxAnswerMs: 0,
    maxKeepAliveGapMs: 0,
    answeredTimersStarved: 0,
    arrivedTimersStarved: 0,
    closedUnanswered: 0,
    closedUnansweredOldestMs: 0,
    maxTimerGapMs: 0,
    maxImmediateGapMs: 0,
  });
  let window = fresh();
  let lastTimer = performance.now();
  let lastImmediate = performance.now();
  const round = (ms) => Math.round(ms);
  setInterval(() => {
    const at = performance.now();
    window.maxTimerGapMs = Math.max(window.maxTimerGapMs, round(at - lastTimer));
    lastTimer = at;
  }, 10).unref();
  const immediate = () => {
    const at = performance.now();
    window.maxImmediateGapMs = Math.max(window.maxImmediateGapMs, round(at - lastImmediate));
    lastImmediate = at;
    setTimeout(() => setImmediate(immediate), 5).unref();
  };
  setImmediate(immediate);
  let lastFlush = Date.now();
  const flush = () => {
    const line = { t: Date.now(), ...window };
    window = fresh();
    lastFlush = line.t;
    if (line.accepted || line.arrived || line.entered || line.closedUnanswered || line.maxTimerGapMs > 500)
      appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
  setInterval(flush, 1000).unref();
  // Also flushed from answers, so a window whose timers never ran still shows up, as one long line.
  const flushIfLate = () => {
    if (Date.now() - lastFlush > 5_000) flush();
  };
  const timersStarved = () => performance.now() - lastTimer > 1_000;

  const onRequest = (state, request) => {
    const at = performance.now();
    window.arrived++;
    if (timersStarved()) window.arrivedTimersStarved++;
    if (state.lastAnswerAt)
      window.maxKeepAliveGapMs = Math.max(window.maxKeepAliveGapMs, round(at - state.lastAnswerAt));
    state.openSince = at;
    request.threadlineArrived = at;
  };
  const onResponse = (state, request, response) => {
    response.once("finish", () => {
      const done = performance.now();
      window.statuses[response.statusCode] = (window.statuses[response.statusCode] ?? 0) + 1;
      window.maxAnswerMs = Math.max(window.maxAnswerMs, round(done - request.threadlineArrived));
      if (timersStarved()) window.answeredTimersStarved++;
      state.lastAnswerAt = done;
      state.openSince = 0;
      flushIfLate();
    });
  };
  const onConnection = (socket) => {
    window.accepted++;
    const state = { lastAnswerAt: 0, openSince: 0 };
    socket.threadlineTrace = state;
    socket.once("close", () => {
      if (!state.openSince) return;
      window.closedUnanswered++;
      window.closedUnansweredOldestMs = Math.max(
        window.closedUnansweredOldestMs,
        round(performance.now() - state.openSince),
      );
    });
    // The parser's callback for a request whose headers were read: before server.emit("request").
    const parser = socket.parser;
    if (parser && typeof parser.onIncoming === "function") {
      const onIncoming = parser.onIncoming;
      parser.onIncoming = function tracedIncoming(request, keepAlive) {
        onRequest(state, request);
        const result = onIncoming.call(this, request, keepAlive);
        const response = request.res ?? socket._httpMessage;
        if (response) onResponse(state, request, response);
        return result;
      };
    }
  };
  // Installed first, so innermost: every wrapper installed later (the socket stamp, the front
  // gate) runs before this one, and a "request" reaching it is one let into Next.js.
  const original = http.Server.prototype.emit;
  http.Server.prototype.emit = function innermost(event, ...args) {
    if (event === "request") window.entered++;
    const result = original.call(this, event, ...args);
    // After the HTTP server's own listener has given the socket its parser.
    if (event === "connection") onConnection(args[0]);
    return result;
  };
}
