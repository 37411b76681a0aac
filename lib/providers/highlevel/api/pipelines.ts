import { z } from "zod";
import { HighLevelApiError, type HighLevelRequest, highLevelGet } from "./client";

// GET /opportunities/pipelines?locationId=… (HighLevel "Get Pipelines", scope
// opportunities.readonly): a location's pipelines with their stages. Only the fields we use are
// checked; anything else HighLevel adds passes by.

const stageSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  position: z.number().int().nullish(),
});
const pipelineSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  stages: z.array(stageSchema).nullish(),
});
const pipelinesResponseSchema = z.object({ pipelines: z.array(pipelineSchema) });

export interface HighLevelPipeline {
  id: string;
  name: string;
  stages: Array<{ id: string; name: string; position: number | null }>;
}

export async function fetchPipelines(
  locationId: string,
  request: Omit<HighLevelRequest, "path">,
): Promise<HighLevelPipeline[]> {
  const body = await highLevelGet({
    ...request,
    path: `/opportunities/pipelines?locationId=${encodeURIComponent(locationId)}`,
  });
  const parsed = pipelinesResponseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HighLevelApiError(
      `HighLevel's pipelines answer has an unexpected shape (${issue?.path.join(".") || "body"}: ${issue?.message})`,
      200,
    );
  }
  return parsed.data.pipelines.map((pipeline) => ({
    id: pipeline.id,
    name: pipeline.name,
    stages: (pipeline.stages ?? []).map((stage) => ({
      id: stage.id,
      name: stage.name,
      position: stage.position ?? null,
    })),
  }));
}
