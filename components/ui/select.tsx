import type { VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlVariants } from "./control";

// A native <select>: the platform's own keyboard and screen-reader behaviour, in the tokens' frame.
export type SelectProps = ComponentProps<"select"> & VariantProps<typeof controlVariants>;

export function Select({ controlSize, className, ...props }: SelectProps) {
  return <select className={cn(controlVariants({ controlSize }), className)} {...props} />;
}
