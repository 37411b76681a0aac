import { z } from "zod";
import { HighLevelApiError, type HighLevelRequest, highLevelGet } from "./client";

// GET /locations/{locationId}/templates (HighLevel "GET all or email/sms templates", scope
// locations/templates.readonly, Version 2021-07-28): the location's WhatsApp templates, the only
// messages WhatsApp lets a business send once 24 hours have passed since the customer last wrote.
// `originId` is required by the docs; the location is its own origin.

const templateSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  type: z.string().nullish(),
  /** WhatsApp's review state when HighLevel reports one ("APPROVED", "PENDING", "REJECTED"). */
  status: z.string().nullish(),
  template: z.looseObject({ body: z.string().nullish() }).nullish(),
});
const templatesResponseSchema = z.looseObject({ templates: z.array(templateSchema) });

export interface WhatsAppTemplate {
  id: string;
  name: string;
  /** What the customer will read. */
  body: string;
}

export const templatesPath = (locationId: string) => {
  const id = encodeURIComponent(locationId);
  return `/locations/${id}/templates?originId=${id}&type=whatsapp&deleted=false&skip=0&limit=100`;
};

/** The location's approved WhatsApp templates (a template without a review state counts as approved). */
export async function fetchWhatsAppTemplates(
  locationId: string,
  request: Omit<HighLevelRequest, "path">,
): Promise<WhatsAppTemplate[]> {
  const body = await highLevelGet({ ...request, path: templatesPath(locationId) });
  const parsed = templatesResponseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HighLevelApiError(
      `HighLevel's templates answer has an unexpected shape (${issue?.path.join(".") || "body"}: ${issue?.message})`,
      200,
    );
  }
  return parsed.data.templates
    .filter((template) => !template.type || template.type.toLowerCase() === "whatsapp")
    .filter((template) => !template.status || template.status.toLowerCase() === "approved")
    .map((template) => ({
      id: template.id,
      name: template.name?.trim() || template.id,
      body: template.template?.body ?? "",
    }));
}
