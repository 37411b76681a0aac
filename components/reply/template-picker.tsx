"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { callRoute } from "@/components/api/call-route";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { whatsAppTemplatesRoute } from "@/lib/contracts/replies";
import type { WhatsAppTemplate } from "@/lib/providers/highlevel/api/templates";

// WhatsApp after 24 hours: only one of the location's approved templates may go, so the composer
// says why and offers them instead of free text (asked of HighLevel by the server, kept a minute).

export type { WhatsAppTemplate };

export function useWhatsAppTemplates(conversationId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["whatsapp-templates", conversationId] as const,
    queryFn: ({ signal }) => callRoute(whatsAppTemplatesRoute, { params: { id: conversationId } }, { signal }),
    select: (answer) => answer.templates,
    enabled,
    staleTime: 60_000,
    retry: false,
  });
}

export function TemplatePicker({
  conversationId,
  reason,
  value,
  onChange,
}: {
  conversationId: string;
  /** Why free text may not go (the server's words). */
  reason: string;
  value: WhatsAppTemplate | null;
  onChange: (template: WhatsAppTemplate | null) => void;
}) {
  const templates = useWhatsAppTemplates(conversationId, true);
  const pickerId = useId();
  return (
    <div className="mb-1 space-y-1" data-testid="template-picker">
      <Notice tone="warning" className="text-xs" role="note">
        {reason}
      </Notice>
      {templates.isError ? (
        <p role="alert" className="text-xs text-danger">
          {templates.error.message}
        </p>
      ) : templates.data?.length === 0 ? (
        <p className="text-xs text-text-muted">This location has no approved WhatsApp templates in HighLevel.</p>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={pickerId} className="text-xs text-text-muted">
            Template
          </label>
          <Select
            id={pickerId}
            controlSize="sm"
            aria-label="WhatsApp template"
            disabled={!templates.data}
            value={value?.id ?? ""}
            onChange={(event) => onChange(templates.data?.find(({ id }) => id === event.target.value) ?? null)}
            className="min-w-0 flex-1"
          >
            <option value="">{templates.data ? "Choose a template…" : "Loading templates…"}</option>
            {templates.data?.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </Select>
        </div>
      )}
      {value && (
        <p className="whitespace-pre-wrap rounded-control bg-surface-sunken p-2 text-sm" data-testid="template-preview">
          {value.body}
        </p>
      )}
    </div>
  );
}
