"use client";

import type { ReactNode } from "react";
import type { Reports as ReportData } from "@/lib/reports";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Pill } from "@/components/ui/pill";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Select } from "@/components/ui/select";
import { AgentsChart } from "./agents-chart";
import { CallsChart } from "./calls-chart";
import { FirstResponseBreakdown, FirstResponseChart } from "./first-response-chart";
import { HeatmapChart } from "./heatmap-chart";
import { useReport } from "./queries";
import { PRESET_LABELS, PRESETS, type ReportState, useReportState } from "./use-report-state";
import { VolumeChart } from "./volume-chart";

export interface ReportAccount {
  id: string;
  name: string;
}

/** The Reports page: filters (all in the URL), then one card per report. */
export function Reports({ accounts }: { accounts: ReportAccount[] }) {
  const state = useReportState();
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-3 sm:p-4">
      <h1 className="text-lg font-semibold">Reports</h1>
      <Filters state={state} accounts={accounts} />
      {state.problem ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 rounded-card border border-border bg-surface p-4 text-sm"
        >
          <span>{state.problem}</span>
          <Button size="sm" variant="secondary" onClick={() => state.setPreset("30d")}>
            Show the last 30 days
          </Button>
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <Section name="volume" state={state} />
          <Section name="calls" state={state} />
          <Section name="first-response" state={state} />
          <Section name="heatmap" state={state} />
          <Section name="agents" state={state} />
        </div>
      )}
    </main>
  );
}

function Filters({ state, accounts }: { state: ReportState; accounts: ReportAccount[] }) {
  return (
    <form className="flex flex-wrap items-end gap-3" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="flex flex-wrap items-center gap-1.5">
        <legend className="mb-1 text-xs text-text-muted">Range</legend>
        {PRESETS.map((preset) => (
          <Pill key={preset} pressed={state.range === preset} onClick={() => state.setPreset(preset)}>
            {PRESET_LABELS[preset]}
          </Pill>
        ))}
      </fieldset>
      {state.range === "custom" && (
        <div className="flex items-end gap-2">
          <label className="flex flex-col text-xs text-text-muted">
            From
            <Input
              type="date"
              controlSize="sm"
              value={state.from}
              max={state.to}
              onChange={(e) => e.target.value && state.setCustom({ from: e.target.value, to: state.to })}
            />
          </label>
          <label className="flex flex-col text-xs text-text-muted">
            To
            <Input
              type="date"
              controlSize="sm"
              value={state.to}
              min={state.from}
              onChange={(e) => e.target.value && state.setCustom({ from: state.from, to: e.target.value })}
            />
          </label>
        </div>
      )}
      <label className="flex flex-col text-xs text-text-muted">
        Account
        <Select
          controlSize="sm"
          value={state.account ?? ""}
          onChange={(e) => state.setAccount(e.target.value || null)}
          data-testid="report-account"
        >
          <option value="">All accounts</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
            </option>
          ))}
        </Select>
      </label>
      <p className="text-xs text-text-muted" data-testid="report-range">
        {state.from} – {state.to} · {state.tz}
      </p>
    </form>
  );
}

type SectionName = "volume" | "calls" | "first-response" | "heatmap" | "agents";

function Section({ name, state }: { name: SectionName; state: ReportState }) {
  switch (name) {
    case "volume":
      return <Loaded name={name} state={state} render={(r) => <VolumeChart report={r} />} />;
    case "calls":
      return (
        <Loaded
          name={name}
          state={state}
          render={(r) => <CallsChart report={r} tz={state.tz} account={state.account ?? null} />}
        />
      );
    case "first-response":
      return (
        <Loaded
          name={name}
          state={state}
          render={(r) => (
            <>
              <FirstResponseChart report={r} />
              <FirstResponseBreakdown report={r} />
            </>
          )}
        />
      );
    case "heatmap":
      return <Loaded name={name} state={state} render={(r) => <HeatmapChart report={r} tz={state.tz} />} />;
    case "agents":
      return <Loaded name={name} state={state} render={(r) => <AgentsChart report={r} />} />;
  }
}

function Loaded<N extends SectionName>({
  name,
  state,
  render,
}: {
  name: N;
  state: ReportState;
  render: (report: ReportData[N]) => ReactNode;
}) {
  const query = useReport(name, state);
  if (query.error) return <LoadError what={`the ${name} report`} error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data) return <Loading what={`the ${name} report`} />;
  return <>{render(query.data)}</>;
}
