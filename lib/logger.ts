// Structured one-line logs. Callers pass ids and error messages, never payloads: webhook
// bodies hold customers' names, numbers and messages.

type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: "info" | "warn" | "error", message: string, fields: Fields = {}) {
  if (process.env.THREADLINE_QUIET_LOGS === "1" && level !== "error") return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
  (level === "info" ? console.log : console.error)(line);
}

export const logger = {
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  error: (message: string, fields?: Fields) => write("error", message, fields),
};
