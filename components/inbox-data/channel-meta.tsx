import { Globe, Mail, MessageSquare, MessagesSquare, Phone, Voicemail, type LucideIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { Channel } from "@/lib/vocabulary";

/**
 * `label` names one message ("Call"); `filterLabel`, when set, names the filter for many ("Calls").
 * The brand channels have no icon in lucide (it ships no brand logos): they are a short mark on
 * the brand's colour (darkened where needed so white text keeps AA contrast).
 */
export const CHANNEL_META: Record<
  Channel,
  { label: string; filterLabel?: string; icon: LucideIcon; mark?: { text: string; colour: string } }
> = {
  sms: { label: "SMS", icon: MessageSquare },
  call: { label: "Call", filterLabel: "Calls", icon: Phone },
  voicemail: { label: "Voicemail", icon: Voicemail },
  email: { label: "Email", icon: Mail },
  facebook: { label: "Facebook", icon: MessagesSquare, mark: { text: "f", colour: "#0b5fcc" } },
  instagram: { label: "Instagram", icon: Globe, mark: { text: "IG", colour: "#b1306e" } },
  gmb: { label: "Google Business", icon: Globe, mark: { text: "G", colour: "#1557b0" } },
  live_chat: { label: "Live chat", icon: MessagesSquare },
  whatsapp: { label: "WhatsApp", icon: Phone, mark: { text: "WA", colour: "#075e54" } },
  other: { label: "Other", icon: Globe },
};

/** The filterable channels, in the order the filter bar shows them. */
export const FILTER_CHANNELS: Channel[] = [
  "sms",
  "call",
  "voicemail",
  "email",
  "facebook",
  "instagram",
  "gmb",
  "live_chat",
  "whatsapp",
];

/**
 * A channel's mark: its icon, or the brand's short mark. Named for screen readers and as a
 * hover tooltip, unless the text beside it already names the channel (`decorative`).
 */
export function ChannelIcon({
  channel,
  className = "size-4",
  decorative = false,
}: {
  channel: Channel;
  className?: string;
  decorative?: boolean;
}) {
  const { icon: Icon, label, mark } = CHANNEL_META[channel] ?? CHANNEL_META.other;
  const naming = decorative
    ? ({ "aria-hidden": true } as const)
    : ({ role: "img", "aria-label": label, title: label } as const);
  if (mark)
    return (
      <span
        {...naming}
        data-channel-mark={channel}
        // As tall as the icons beside it (className), but as wide as its letters need.
        className={cn(
          className,
          "inline-flex w-auto min-w-4 shrink-0 items-center justify-center rounded-[4px] px-0.5 text-[10px] leading-none font-bold",
        )}
        // White on the brand's colour, set inline: both are data, not theme tokens.
        style={{ backgroundColor: mark.colour, color: "#ffffff" }}
      >
        {mark.text}
      </span>
    );
  return decorative ? (
    <Icon className={className} aria-hidden data-channel-mark={channel} />
  ) : (
    <span {...naming} data-channel-mark={channel} className="inline-flex shrink-0">
      <Icon className={className} aria-hidden />
    </span>
  );
}
