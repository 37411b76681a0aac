"use client";

import { ArrowLeft, Radio, Settings, UserRound } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ConversationList, type ConversationListHandle } from "@/components/conversation-list/conversation-list";
import { ListFilters } from "@/components/conversation-list/list-filters";
import { CustomerPanel } from "@/components/customer/customer-panel";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { ThreadView } from "@/components/thread/thread-view";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { IconButton } from "@/components/ui/icon-button";
import { customerLabel } from "@/lib/format";
import { useConversationDetail, useMarkRead } from "@/components/inbox-data/queries";
import { useInboxState } from "@/components/inbox-data/use-inbox-state";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { useLiveUpdates } from "./use-live-updates";

/**
 * Three panes on a desktop (list, thread, customer); one at a time on a phone, chosen by the
 * URL: no conversation → list; a conversation → thread; pane=customer → customer.
 */
export function Inbox({ viewer }: { viewer: { email: string; name: string } }) {
  const inbox = useInboxState();
  const listRef = useRef<ConversationListHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const liveStatus = useLiveUpdates();
  const detail = useConversationDetail(inbox.conversationId);
  const markRead = useMarkRead();
  useKeyboardShortcuts({ inbox, listRef, searchRef });

  const unread = detail.data?.conversation.unreadCount ?? 0;
  const openId = inbox.conversationId;
  const { mutate: markConversationRead } = markRead;
  useEffect(() => {
    if (openId && unread > 0) markConversationRead(openId);
  }, [openId, unread, markConversationRead]);

  const open = Boolean(inbox.conversationId);
  const showCustomer = inbox.pane === "customer";

  return (
    <div className="flex h-dvh flex-col bg-surface text-text">
      <header className="flex items-center gap-2 border-b border-border px-3 py-2 sm:gap-3 sm:px-4">
        <h1 className="text-base font-semibold">Threadline</h1>
        <span className="text-xs text-text-muted" role="status" aria-live="polite" data-testid="live-status">
          <Radio
            className={`mr-1 inline size-3.5 ${liveStatus === "live" ? "text-success" : "text-warning"}`}
            aria-hidden
          />
          {liveStatus === "live" ? "Live" : liveStatus === "connecting" ? "Connecting…" : "Reconnecting…"}
        </span>
        <span className="ml-auto hidden text-xs text-text-muted xl:inline">
          j/k move · Enter open · / search · Esc back
        </span>
        {/* Kept in the accessibility tree on a phone (sr-only), where there is no room to show it. */}
        <span className="ml-auto truncate text-xs text-text-muted max-sm:sr-only xl:ml-0" data-testid="signed-in-as">
          {viewer.email}
        </span>
        <Link href="/events" className={cn(buttonVariants({ variant: "ghost", size: "sm" }), "hidden sm:inline-flex")}>
          Event log
        </Link>
        <ThemeToggle className="max-sm:ml-auto" />
        <Link href="/settings" className={buttonVariants({ variant: "ghost", size: "sm" })}>
          <Settings className="size-3.5" aria-hidden /> <span className="max-sm:sr-only">Settings</span>
        </Link>
        <SignOutButton compact />
      </header>
      <div className="flex min-h-0 flex-1">
        <aside
          aria-label="Conversation list"
          className={cn(
            open ? "hidden md:flex" : "flex",
            "w-full min-w-0 flex-col border-border md:w-[22rem] md:shrink-0 md:border-r",
          )}
        >
          <ListFilters inbox={inbox} searchRef={searchRef} />
          <ConversationList inbox={inbox} handle={listRef} />
        </aside>
        <main
          className={cn(open && !showCustomer ? "flex" : "hidden md:flex", "min-w-0 flex-1 flex-col")}
          aria-label="Conversation"
        >
          {inbox.conversationId ? (
            <>
              <div className="flex items-center gap-2 border-b border-border px-3 py-2">
                <IconButton
                  label="Back to conversations"
                  size="sm"
                  onClick={() => inbox.openConversation(null)}
                  className="md:hidden"
                >
                  <ArrowLeft className="size-5" aria-hidden />
                </IconButton>
                <h2 className="truncate text-sm font-semibold" data-testid="thread-title">
                  {detail.data
                    ? customerLabel(detail.data.conversation.customer)
                    : detail.isError
                      ? "Conversation not found"
                      : "…"}
                </h2>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => inbox.showCustomerPane(true)}
                  className="ml-auto lg:hidden"
                >
                  <UserRound className="size-3.5" aria-hidden /> Customer
                </Button>
              </div>
              {detail.isError ? (
                <p role="alert" className="p-6 text-sm text-text-muted">
                  {detail.error.message}. It may have been removed, or the link is wrong.
                </p>
              ) : (
                <ThreadView key={inbox.conversationId} conversationId={inbox.conversationId} />
              )}
            </>
          ) : (
            <p className="m-auto text-sm text-text-muted">Select a conversation (j/k, Enter).</p>
          )}
        </main>
        {detail.data && (
          <aside
            aria-label="Customer"
            className={cn(
              showCustomer ? "block" : "hidden lg:block",
              "w-full overflow-y-auto border-border bg-surface-sunken lg:w-80 lg:shrink-0 lg:border-l",
            )}
          >
            {showCustomer && (
              <Button
                variant="link"
                onClick={() => inbox.showCustomerPane(false)}
                className="m-2 gap-1 text-text lg:hidden"
              >
                <ArrowLeft className="size-4" aria-hidden /> Back to conversation
              </Button>
            )}
            <CustomerPanel detail={detail.data} onShowCustomerConversations={inbox.setCustomer} />
          </aside>
        )}
      </div>
    </div>
  );
}
