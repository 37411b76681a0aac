"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { fetchConversationDetail } from "@/components/inbox-data/api-client";
import type { ConversationSummary } from "@/components/inbox-data/api-types";
import { customerLabel } from "@/lib/format";

// Browser notifications, opted into per person (remembered in this browser under their email):
// a new customer message or missed call, in the accounts the live stream serves them, while the
// tab is in the background. The live stream names changed conversations only; each is looked up.

const storageKey = (email: string) => `threadline-notifications:${email}`;
/** A message this much older than the moment the tab was hidden is not news (clocks differ a little). */
const CLOCK_SLACK_MS = 60_000;

export type NotificationSetting = "unsupported" | "off" | "on" | "blocked";

function supported() {
  return typeof window !== "undefined" && "Notification" in window;
}

export function useNotificationSetting(email: string) {
  const [setting, setSetting] = useState<NotificationSetting>("off");
  useEffect(() => {
    if (!supported()) return setSetting("unsupported");
    let stored: string | null = null;
    try {
      stored = window.localStorage.getItem(storageKey(email));
    } catch {}
    setSetting(Notification.permission === "denied" ? "blocked" : stored === "on" ? "on" : "off");
  }, [email]);
  const toggle = useCallback(async () => {
    if (!supported()) return;
    let next: NotificationSetting = "off";
    if (setting !== "on") {
      const permission =
        Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
      next = permission === "granted" ? "on" : "blocked";
    }
    try {
      window.localStorage.setItem(storageKey(email), next === "on" ? "on" : "off");
    } catch {}
    setSetting(next);
  }, [email, setting]);
  return { setting, toggle };
}

/** What to say about a conversation that just changed, or null if it is no news for a notification. */
function newsOf(conversation: ConversationSummary, since: number): { title: string; body: string } | null {
  const last = conversation.lastMessage;
  if (last?.direction !== "inbound" || conversation.done || !last.sentAt) return null;
  if (Date.parse(last.sentAt) < since - CLOCK_SLACK_MS) return null;
  const who = customerLabel(conversation.customer);
  if (last.channel === "call" || last.channel === "voicemail")
    return conversation.callback
      ? { title: `Missed call from ${who}`, body: conversation.callback.recording ? "Left a voicemail" : "" }
      : null;
  return { title: `New message from ${who}`, body: last.preview ?? "" };
}

/** Returns the live updater's callback: changed conversation ids in, notifications out. */
export function useBackgroundNotifications(enabled: boolean, open: (id: string) => void) {
  const hiddenSince = useRef<number | null>(null);
  const told = useRef(new Set<string>());
  useEffect(() => {
    const onVisibility = () => {
      hiddenSince.current = document.hidden ? Date.now() : null;
    };
    onVisibility();
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, []);
  return useCallback(
    (ids: string[]) => {
      const since = hiddenSince.current;
      if (!enabled || since === null || Notification.permission !== "granted") return;
      for (const id of ids) {
        void fetchConversationDetail(id)
          .then(({ conversation }) => {
            const news = newsOf(conversation, since);
            const key = `${id}@${conversation.lastMessageAt}`;
            if (!news || told.current.has(key)) return;
            told.current.add(key);
            const notification = new Notification(news.title, { body: news.body, tag: id });
            notification.onclick = () => {
              window.focus();
              open(id);
              notification.close();
            };
          })
          .catch(() => {});
      }
    },
    [enabled, open],
  );
}
