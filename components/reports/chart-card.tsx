"use client";

import { Download, Table2 } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Panel } from "@/components/ui/panel";
import { type TableData, cellValue, downloadCsv } from "./table-data";

interface Props {
  title: string;
  /** A stable name: test ids and the CSV's file name. */
  name: string;
  description?: ReactNode;
  table: TableData;
  children: ReactNode;
}

/**
 * A report's card: the chart for the eye, and its numbers as a table, always in the page for
 * screen readers (visually hidden until "Table" is pressed), and as a CSV download.
 */
export function ChartCard({ title, name, description, table, children }: Props) {
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  return (
    <Panel
      aria-labelledby={headingId}
      padding="md"
      className="flex min-w-0 flex-col gap-3"
      data-testid={`report-${name}`}
    >
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="text-base font-semibold">
            {title}
          </h2>
          {description && <p className="text-xs text-text-muted">{description}</p>}
        </div>
        <Button variant="secondary" size="sm" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
          <Table2 className="size-3.5" aria-hidden /> Table
        </Button>
        <Button variant="secondary" size="sm" onClick={() => downloadCsv(table, `${name}.csv`)}>
          <Download className="size-3.5" aria-hidden /> CSV
        </Button>
      </div>
      {!showTable && (
        <div aria-hidden className="h-64 min-w-0" data-testid={`chart-${name}`}>
          {children}
        </div>
      )}
      <div className={cn(showTable ? "max-h-96 overflow-auto" : "sr-only")}>
        <table className="w-full border-collapse text-left text-xs" data-testid={`table-${name}`}>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th
                  key={column}
                  scope="col"
                  className="sticky top-0 border-b border-border bg-surface-raised px-2 py-1 font-semibold"
                >
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reordered in place
              <tr key={r} className="border-b border-border-subtle">
                {row.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <td key={c} className="px-2 py-1 tabular-nums">
                    {cell !== null && typeof cell === "object" && cell.value > 0 ? (
                      <Link
                        href={cell.href}
                        className="text-accent underline underline-offset-2"
                        aria-label={cell.label}
                      >
                        {cell.value}
                      </Link>
                    ) : (
                      (cellValue(cell) ?? "—")
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
