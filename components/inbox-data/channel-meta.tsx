import {
  Camera,
  Globe,
  Mail,
  MessageCircle,
  MessageSquare,
  MessagesSquare,
  Phone,
  Smartphone,
  Store,
  Voicemail,
  type LucideIcon,
} from "lucide-react";
import type { Channel } from "@/lib/vocabulary";

export const CHANNEL_META: Record<Channel, { label: string; icon: LucideIcon }> = {
  sms: { label: "SMS", icon: MessageSquare },
  call: { label: "Calls", icon: Phone },
  voicemail: { label: "Voicemail", icon: Voicemail },
  email: { label: "Email", icon: Mail },
  facebook: { label: "Facebook", icon: MessageCircle },
  instagram: { label: "Instagram", icon: Camera },
  gmb: { label: "Google Business", icon: Store },
  live_chat: { label: "Live chat", icon: MessagesSquare },
  whatsapp: { label: "WhatsApp", icon: Smartphone },
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

/** A channel's icon; labelled for screen readers unless the text beside it already names the channel. */
export function ChannelIcon({
  channel,
  className = "size-4",
  decorative = false,
}: {
  channel: Channel;
  className?: string;
  decorative?: boolean;
}) {
  const { icon: Icon, label } = CHANNEL_META[channel] ?? CHANNEL_META.other;
  return decorative ? (
    <Icon className={className} aria-hidden />
  ) : (
    <Icon className={className} aria-label={label} role="img" />
  );
}
