import { z } from "zod";
import type { Reports } from "@/lib/reports";
import { type ReportName, reportNameSchema, reportQuerySchema } from "@/lib/reports/validations";
import { defineRoute, responds } from "./define-route";

// Reports: /api/reports/<volume|first-response|calls|heatmap|agents>?from=&to=&tz=&account=

export const reportRoute = defineRoute({
  method: "GET",
  path: "/api/reports/:name",
  params: z.object({ name: reportNameSchema }),
  notFound: "report",
  query: reportQuerySchema,
  role: "member",
  response: responds<Reports[ReportName]>(),
});
