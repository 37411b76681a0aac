"use client";

import { Mail, Phone, Tag, UserRound } from "lucide-react";
import type { ConversationDetail, Opportunity } from "@/components/inbox-data/api-types";
import { useReadsSeveralAccounts } from "@/components/inbox-data/queries";
import { CustomerAgenda } from "./customer-agenda";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { panelVariants } from "@/components/ui/panel";
import { formatCurrency, formatPhone } from "@/lib/format";
import { CustomerConversations } from "./customer-conversations";
import { SamePersonLinks } from "./same-person";

const CONSENT_LABEL: Record<string, string> = { optedIn: "Opted in", optedOut: "Opted out", pending: "Pending" };
const STATUS_TONE: Record<string, BadgeTone> = { won: "success", lost: "danger" };

/** A name when we have one; else a muted placeholder with the provider's id on hover, never the id as a name. */
function Named({ name, id, unnamed, none }: { name: string | null; id: string | null; unnamed: string; none: string }) {
  if (name) return <>{name}</>;
  if (!id) return <>{none}</>;
  return (
    <span className="italic" title={`Id ${id}`} data-testid="unnamed">
      {unnamed}
    </span>
  );
}

function OpportunityCard({ opportunity }: { opportunity: Opportunity }) {
  const status = opportunity.status ?? "open";
  return (
    <li className={cn(panelVariants({ padding: "sm" }), "text-sm")} data-testid="opportunity">
      <p className="font-medium">{opportunity.name ?? "Untitled opportunity"}</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs text-text-muted">
        <dt>Pipeline</dt>
        <dd className="truncate">
          <Named name={opportunity.pipeline} id={opportunity.pipelineId} unnamed="Unnamed pipeline" none="—" />
        </dd>
        <dt>Stage</dt>
        <dd className="truncate">
          <Named name={opportunity.stage} id={opportunity.stageId} unnamed="Unnamed stage" none="—" />
        </dd>
        <dt>Status</dt>
        <dd>
          <Badge tone={STATUS_TONE[status] ?? "neutral"} className="px-1 py-0 capitalize">
            {status}
          </Badge>
        </dd>
        <dt>Value</dt>
        <dd>{formatCurrency(opportunity.value, opportunity.currency)}</dd>
        <dt>Score</dt>
        <dd data-testid="opportunity-score">{opportunity.score ?? "—"}</dd>
        <dt>Owner</dt>
        <dd className="truncate">
          <Named name={opportunity.owner} id={opportunity.ownerId} unnamed="Unknown user" none="Unassigned" />
        </dd>
      </dl>
    </li>
  );
}

export function CustomerPanel({
  detail,
  onOpenConversation,
}: {
  detail: ConversationDetail;
  onOpenConversation: (id: string) => void;
}) {
  const { customer, opportunities, conversation } = detail;
  const readsSeveralAccounts = useReadsSeveralAccounts();
  if (!customer) {
    return <p className="p-4 text-sm text-text-muted">No customer is linked to this conversation.</p>;
  }
  const phone = formatPhone(customer.phone);
  return (
    <div className="space-y-4 p-4" data-testid="customer-panel">
      <div className="flex items-center gap-2">
        <UserRound className="size-8 rounded-full bg-surface-hover p-1.5 text-text-muted" aria-hidden />
        <div className="min-w-0">
          <h2 className="truncate text-base font-semibold" data-testid="customer-name">
            {customer.name ?? phone ?? customer.email ?? "Unknown customer"}
          </h2>
          {/* No text-transform: "capitalize" made "Via Website · Deleted In Provider" of this line. */}
          <p className="text-xs text-text-muted" data-testid="customer-origin">
            {conversation.provider === "highlevel" ? "HighLevel" : "Voxity"}
            {/* The source as the provider wrote it ("Facebook Ads", "website"): lower-casing mangles names. */}
            {customer.sourceChannel && ` · via ${customer.sourceChannel}`}
            {customer.deleted && " · deleted in provider"}
          </p>
          {readsSeveralAccounts && (
            <p className="truncate text-xs text-text-muted" data-testid="customer-account">
              {conversation.account.name}
            </p>
          )}
        </div>
      </div>
      <ul className="space-y-1 text-sm">
        {phone && (
          <li className="flex items-center gap-2">
            <Phone className="size-4 text-text-muted" aria-label="Phone" role="img" />
            <a href={`tel:${customer.phoneE164 ?? customer.phone}`} className="underline">
              {phone}
            </a>
          </li>
        )}
        {customer.email && (
          <li className="flex items-center gap-2">
            <Mail className="size-4 text-text-muted" aria-label="Email" role="img" />
            <a href={`mailto:${customer.email}`} className="break-all underline">
              {customer.email}
            </a>
          </li>
        )}
      </ul>
      <SamePersonLinks customerId={customer.id} onOpen={onOpenConversation} />
      <p className="text-sm">
        <span className="text-text-muted">SMS consent: </span>
        <span
          data-testid="sms-consent"
          className={customer.smsConsent === "optedOut" ? "font-semibold text-danger" : undefined}
        >
          {customer.smsConsent ? (CONSENT_LABEL[customer.smsConsent] ?? customer.smsConsent) : "Unknown"}
        </span>
      </p>
      {customer.tags.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label="Tags">
          {customer.tags.map((tag) => (
            <li key={tag}>
              <Badge className="font-normal">
                <Tag className="size-3" aria-hidden />
                {tag}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <CustomerAgenda records={detail.records} />
      <section>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-text-muted">
          Opportunities ({opportunities.length})
        </h3>
        {opportunities.length === 0 ? (
          <p className="text-sm text-text-muted">None.</p>
        ) : (
          <ul className="space-y-2">
            {opportunities.map((opportunity) => (
              <OpportunityCard key={opportunity.id} opportunity={opportunity} />
            ))}
          </ul>
        )}
      </section>
      <CustomerConversations customerId={customer.id} openId={conversation.id} onOpen={onOpenConversation} />
    </div>
  );
}
