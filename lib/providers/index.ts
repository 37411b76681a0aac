import type { ProviderName } from "@/lib/vocabulary";
import type { ProviderAdapter } from "@/lib/providers/contract";
import { highLevel } from "./highlevel";
import { voxity } from "./voxity";

export const PROVIDER_ADAPTERS: Record<ProviderName, ProviderAdapter> = { highlevel: highLevel, voxity };

export function adapterFor(provider: string): ProviderAdapter | null {
  return (PROVIDER_ADAPTERS as Record<string, ProviderAdapter | undefined>)[provider] ?? null;
}
