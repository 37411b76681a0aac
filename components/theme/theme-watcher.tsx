"use client";

import { useEffect } from "react";
import { applyTheme, subscribeToTheme } from "./theme-store";

/**
 * Keeps <html data-theme> right after the first paint on every page, toggle shown or not: when the
 * system switches (evening dark mode) while "system" is chosen, or another tab changes the choice.
 */
export function ThemeWatcher() {
  useEffect(() => {
    applyTheme();
    return subscribeToTheme(() => applyTheme());
  }, []);
  return null;
}
