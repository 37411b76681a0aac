export const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 3211);
export const DEMO_URL = `http://127.0.0.1:${DEMO_PORT}`;
export const DEMO_LOG = ".data/e2e-demo-server.log";
