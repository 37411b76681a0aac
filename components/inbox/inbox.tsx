"use client";

import { ArrowLeft, Keyboard, Radio, Settings } from "lucide-react";
import Link from "next/link";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ConversationList, type ConversationListHandle } from "@/components/conversation-list/conversation-list";
import { ListFilters } from "@/components/conversation-list/list-filters";
import { CustomerPanel } from "@/components/customer/customer-panel";
import { SiteMenu } from "@/components/navigation/site-menu";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import type { Label, Member } from "@/components/inbox-data/api-types";
import { BulkBar } from "@/components/team/bulk/bulk-bar";
import { SelectionProvider } from "@/components/team/bulk/selection";
import { useBulkKeys } from "@/components/team/bulk/use-bulk-keys";
import { UndoProvider, useUndo } from "@/components/team/undo";
import { useTeamCommands } from "@/components/team/use-team-commands";
import { ThreadView } from "@/components/thread/thread-view";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { IconButton } from "@/components/ui/icon-button";
import { customerLabel } from "@/lib/format";
import { afterPaint } from "@/components/inbox-data/after-paint";
import { ComposePanel } from "./compose-panel";
import { ThreadHeader } from "./thread-header";
import {
  UNFILTERED_COUNTS,
  useConversationCounts,
  useConversationDetail,
  useMarkRead,
  useReadsSeveralAccounts,
} from "@/components/inbox-data/queries";
import { useInboxState } from "@/components/inbox-data/use-inbox-state";
import { NotificationToggle } from "./notification-toggle";
import { ShortcutSheet } from "./shortcut-sheet";
import { SHORTCUT_HINT } from "./shortcuts";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { useLiveUpdates } from "./use-live-updates";
import { useBackgroundNotifications, useNotificationSetting } from "./use-notifications";
import { useTriageCommands } from "./use-triage-commands";

type InboxViewer = { id: string; email: string; name: string };
const NO_MEMBERS: Member[] = [];
const INBOX_LINKS = [
  { href: "/reports", label: "Reports" },
  { href: "/events", label: "Event log" },
  { href: "/settings", label: "Settings" },
];

/** "(3) Threadline": my unread conversations, in every account, in the tab's title. */
function useUnreadTitle() {
  const unread = useConversationCounts(UNFILTERED_COUNTS).data?.unread ?? 0;
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) Threadline` : "Threadline";
  }, [unread]);
}

/**
 * Three panes on a desktop (list, thread, customer); one at a time on a phone, chosen by the
 * URL: no conversation → list; a conversation → thread; pane=customer → customer.
 */
export function Inbox({ viewer }: { viewer: InboxViewer }) {
  return (
    <UndoProvider>
      <SelectionProvider>
        <InboxScreen viewer={viewer} />
      </SelectionProvider>
    </UndoProvider>
  );
}

function InboxScreen({ viewer }: { viewer: InboxViewer }) {
  const inbox = useInboxState();
  const listRef = useRef<ConversationListHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const notifications = useNotificationSetting(viewer.email);
  const notify = useBackgroundNotifications(notifications.setting === "on", inbox.openConversation);
  const liveStatus = useLiveUpdates(notify);
  const detail = useConversationDetail(inbox.conversationId);
  // The customer panel follows a frame later: opening a thread paints its messages first. Until
  // then the panel is empty, never another conversation's customer.
  const panelDetail = useDeferredValue(detail.data);
  // The composer follows the same way. Until then the last one stays in place, inert (no focus,
  // no typing, no clicks), so the layout does not jump; `r` meanwhile waits for the new one.
  const composeDetail = useDeferredValue(detail.data);
  const composeStale = composeDetail?.conversation.id !== inbox.conversationId;
  const readsSeveralAccounts = useReadsSeveralAccounts();
  const markRead = useMarkRead();
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const triage = useTriageCommands(inbox, listRef, detail.data?.conversation);
  const me = useMemo(() => ({ id: viewer.id, name: viewer.name || viewer.email }), [viewer]);
  const team = useTeamCommands(me, detail.data?.team.members ?? NO_MEMBERS);
  const { undoLast } = useUndo();
  const bulkKey = useBulkKeys(inbox.filters, listRef, me);
  useKeyboardShortcuts({
    inbox,
    listRef,
    searchRef,
    ...triage,
    assignToMe: team.assignToMe,
    undoLast,
    openHelp,
    bulkKey,
  });
  const commands = {
    onToggleDone: (id: string) => void triage.toggleDone(id),
    onMarkUnread: (id: string) => void triage.markUnread(id),
    onAssign: (id: string, assignee: Member | null) => void team.assign(id, assignee),
    onSnooze: (id: string, until: Date) => void team.snooze(id, until),
    onUnsnooze: (id: string) => void team.unsnooze(id),
    onToggleLabel: (id: string, current: Label[], label: Label, on: boolean) =>
      void team.toggleLabel(id, current, label, on),
  };
  useUnreadTitle();

  const unread = detail.data?.conversation.unreadCount ?? 0;
  const openId = inbox.conversationId;
  const { mutate: markConversationRead } = markRead;
  useEffect(() => {
    // Not cancelled when the reader moves on: every conversation shown is read, as before.
    if (openId && unread > 0) afterPaint(() => markConversationRead(openId));
  }, [openId, unread, markConversationRead]);

  const open = Boolean(inbox.conversationId);
  const showCustomer = inbox.pane === "customer";

  return (
    <div className="flex h-dvh flex-col bg-surface text-text">
      <ShortcutSheet open={helpOpen} onClose={() => setHelpOpen(false)} />
      <header className="flex items-center gap-2 border-b border-border px-3 py-2 sm:gap-3 sm:px-4">
        <h1 className="text-base font-semibold">Threadline</h1>
        <span className="text-xs text-text-muted" role="status" aria-live="polite" data-testid="live-status">
          <Radio
            className={`mr-1 inline size-3.5 ${liveStatus === "live" ? "text-success" : "text-warning"}`}
            aria-hidden
          />
          {liveStatus === "live" ? "Live" : liveStatus === "connecting" ? "Connecting…" : "Reconnecting…"}
        </span>
        <span className="ml-auto hidden text-xs text-text-muted xl:inline" data-testid="shortcut-hint">
          {SHORTCUT_HINT}
        </span>
        {/* Kept in the accessibility tree on a phone (sr-only), where there is no room to show it. */}
        <span className="ml-auto truncate text-xs text-text-muted max-sm:sr-only xl:ml-0" data-testid="signed-in-as">
          {viewer.email}
        </span>
        <Link href="/reports" className={cn(buttonVariants({ variant: "ghost", size: "sm" }), "hidden sm:inline-flex")}>
          Reports
        </Link>
        <Link href="/events" className={cn(buttonVariants({ variant: "ghost", size: "sm" }), "hidden sm:inline-flex")}>
          Event log
        </Link>
        {/* Not on a phone: no keyboard there, and no room. */}
        <IconButton label="Keyboard shortcuts (?)" aria-keyshortcuts="?" onClick={openHelp} className="max-sm:hidden">
          <Keyboard className="size-4" aria-hidden />
        </IconButton>
        <NotificationToggle
          setting={notifications.setting}
          onToggle={() => void notifications.toggle()}
          className="max-sm:ml-auto"
        />
        {/* On a phone the theme, the other pages and Sign out are in the menu. */}
        <ThemeToggle className="max-sm:hidden" />
        <Link href="/settings" className={cn(buttonVariants({ variant: "ghost", size: "sm" }), "max-sm:hidden")}>
          <Settings className="size-3.5" aria-hidden /> Settings
        </Link>
        <SignOutButton className="max-sm:hidden" />
        <SiteMenu links={INBOX_LINKS} className="sm:hidden" />
      </header>
      {/* Below 1200 px the customer panel is a toggle over the thread: three panes would leave the thread the narrowest. */}
      <div className="relative flex min-h-0 flex-1">
        <aside
          aria-label="Conversation list"
          className={cn(
            // On a phone an open thread hides the list without taking it out of the layout
            // (display: none would drop its scroll position): Back finds it where it was.
            open && "max-md:invisible max-md:absolute max-md:inset-0",
            "flex w-full min-w-0 flex-col border-border md:w-[22rem] md:shrink-0 md:border-r",
          )}
        >
          <ListFilters inbox={inbox} searchRef={searchRef} />
          <BulkBar filters={inbox.filters} meId={viewer.id} rowOf={(id) => listRef.current?.find(id)} />
          <ConversationList inbox={inbox} handle={listRef} />
        </aside>
        <main
          className={cn(open && !showCustomer ? "flex" : "hidden md:flex", "min-w-0 flex-1 flex-col")}
          aria-label="Conversation"
        >
          {inbox.conversationId ? (
            <>
              <ThreadHeader
                detail={detail.data}
                failed={detail.isError}
                meId={viewer.id}
                showAccount={readsSeveralAccounts}
                commands={commands}
                onBack={() => inbox.openConversation(null)}
                onShowCustomer={() => inbox.showCustomerPane(true)}
              />
              {detail.isError ? (
                <p role="alert" className="p-6 text-sm text-text-muted">
                  This conversation could not be opened: it may have been removed, or the link is wrong.
                </p>
              ) : (
                <>
                  {/* Keys of their own: siblings sharing a key confuse React, which then never
                      removed the thread being left (each open added one more live thread). */}
                  <ThreadView
                    key={`thread-${inbox.conversationId}`}
                    conversationId={inbox.conversationId}
                    focusMessageId={inbox.focusMessageId}
                    searchQuery={inbox.filters.q}
                    records={detail.data?.records ?? null}
                    team={detail.data?.team ?? null}
                    customerName={detail.data ? customerLabel(detail.data.conversation.customer) : ""}
                  />
                  <div inert={composeStale}>
                    {composeDetail && (composeStale ? detail.data !== undefined : true) && (
                      <ComposePanel
                        key={`compose-${composeDetail.conversation.id}`}
                        detail={composeDetail}
                        authorName={viewer.name || viewer.email}
                      />
                    )}
                  </div>
                </>
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
              showCustomer ? "block" : "hidden min-[1200px]:block",
              "w-full overflow-y-auto border-border bg-surface-sunken",
              // Range variants: an over-the-thread panel only between md and 1200 px, a third column above.
              "md:border-l md:max-[1199px]:absolute md:max-[1199px]:inset-y-0 md:max-[1199px]:right-0",
              "md:max-[1199px]:z-10 md:max-[1199px]:w-80 md:max-[1199px]:shadow-lg min-[1200px]:w-80 min-[1200px]:shrink-0",
            )}
          >
            {showCustomer && (
              <Button
                variant="link"
                onClick={() => inbox.showCustomerPane(false)}
                className="m-2 gap-1 text-text min-[1200px]:hidden"
              >
                <ArrowLeft className="size-4" aria-hidden /> Back to conversation
              </Button>
            )}
            {panelDetail?.conversation.id === inbox.conversationId && (
              <CustomerPanel detail={panelDetail} onOpenConversation={inbox.openConversation} />
            )}
          </aside>
        )}
      </div>
    </div>
  );
}
