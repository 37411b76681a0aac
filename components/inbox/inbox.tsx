"use client";

import { ArrowLeft, Radio, Settings, UserRound } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ConversationList, type ConversationListHandle } from "@/components/conversation-list/conversation-list";
import { ListFilters } from "@/components/conversation-list/list-filters";
import { CustomerPanel } from "@/components/customer/customer-panel";
import { ThreadView } from "@/components/thread/thread-view";
import { customerLabel } from "@/lib/format";
import { useConversationDetail, useMarkRead } from "./queries";
import { useInboxState } from "./use-inbox-state";
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
    <div className="flex h-dvh flex-col bg-white text-slate-900">
      <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-2">
        <h1 className="text-base font-semibold">Threadline</h1>
        <span className="text-xs text-slate-600" role="status" aria-live="polite" data-testid="live-status">
          <Radio className={`mr-1 inline size-3.5 ${liveStatus === "live" ? "text-green-700" : "text-amber-600"}`} aria-hidden />
          {liveStatus === "live" ? "Live" : liveStatus === "connecting" ? "Connecting…" : "Reconnecting…"}
        </span>
        <span className="ml-auto hidden text-xs text-slate-500 md:inline">j/k move · Enter open · / search · Esc back</span>
        <span className="hidden text-xs text-slate-600 sm:inline" data-testid="signed-in-as">{viewer.email}</span>
        <Link href="/events" className="hidden rounded px-2 py-1 text-xs hover:bg-slate-100 sm:inline-flex">Event log</Link>
        <Link href="/settings" className="inline-flex items-center gap-1 rounded px-2 py-1 text-xs hover:bg-slate-100">
          <Settings className="size-3.5" aria-hidden /> Settings
        </Link>
        <SignOutButton />
      </header>
      <div className="flex min-h-0 flex-1">
        <aside aria-label="Conversation list" className={`${open ? "hidden md:flex" : "flex"} w-full min-w-0 flex-col border-r border-slate-200 md:w-[22rem] md:shrink-0`}>
          <ListFilters inbox={inbox} searchRef={searchRef} />
          <ConversationList inbox={inbox} handle={listRef} />
        </aside>
        <main className={`${open && !showCustomer ? "flex" : "hidden md:flex"} min-w-0 flex-1 flex-col`} aria-label="Conversation">
          {inbox.conversationId ? (
            <>
              <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
                <button type="button" onClick={() => inbox.openConversation(null)} className="rounded p-1 hover:bg-slate-100 md:hidden" aria-label="Back to conversations">
                  <ArrowLeft className="size-5" aria-hidden />
                </button>
                <h2 className="truncate text-sm font-semibold" data-testid="thread-title">
                  {detail.data ? customerLabel(detail.data.conversation.customer) : detail.isError ? "Conversation not found" : "…"}
                </h2>
                <button type="button" onClick={() => inbox.showCustomerPane(true)} className="ml-auto inline-flex items-center gap-1 rounded border border-slate-300 px-2 py-1 text-xs lg:hidden">
                  <UserRound className="size-3.5" aria-hidden /> Customer
                </button>
              </div>
              {detail.isError ? (
                <p role="alert" className="p-6 text-sm text-slate-700">{detail.error.message}. It may have been removed, or the link is wrong.</p>
              ) : (
                <ThreadView key={inbox.conversationId} conversationId={inbox.conversationId} />
              )}
            </>
          ) : (
            <p className="m-auto text-sm text-slate-600">Select a conversation (j/k, Enter).</p>
          )}
        </main>
        {detail.data && (
          <aside aria-label="Customer" className={`${showCustomer ? "block" : "hidden lg:block"} w-full overflow-y-auto border-l border-slate-200 bg-slate-50 lg:w-80 lg:shrink-0`}>
            {showCustomer && (
              <button type="button" onClick={() => inbox.showCustomerPane(false)} className="m-2 inline-flex items-center gap-1 text-sm underline lg:hidden">
                <ArrowLeft className="size-4" aria-hidden /> Back to conversation
              </button>
            )}
            <CustomerPanel detail={detail.data} onShowCustomerConversations={inbox.setCustomer} />
          </aside>
        )}
      </div>
    </div>
  );
}
