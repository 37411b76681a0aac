import { clsx, type ClassValue } from "clsx";
import { extendTailwindMerge } from "tailwind-merge";

// tailwind-merge knows colours by shape, but radii only by Tailwind's own names: teach it ours
// (app/globals.css `--radius-*`), or `rounded-control` and a caller's `rounded-full` would both stay.
const twMerge = extendTailwindMerge({ extend: { theme: { radius: ["control", "card"] } } });

/**
 * Joins class names and lets a later Tailwind class win over an earlier one of the same kind, so a
 * caller's `className="px-1"` really replaces a primitive's own padding instead of racing it in CSS.
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
