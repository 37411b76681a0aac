"use client";

import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { signOut } from "./sign-out";

/** Signs out and goes to sign-in (on a phone, the header's menu has it instead). */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => void signOut()}
      className={cn("gap-1 whitespace-nowrap", className)}
    >
      <LogOut className="size-3.5" aria-hidden /> Sign out
    </Button>
  );
}
