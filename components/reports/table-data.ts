import { toCsv } from "@/lib/csv";

// A chart's numbers as one table: what the table view shows, screen readers read, and the CSV
// holds. A cell may link to the inbox (the table is the keyboard's way to a chart's bar).

export type Cell = string | number | null | { value: number; href: string; label: string };

export interface TableData {
  columns: string[];
  rows: Cell[][];
}

export const cellValue = (cell: Cell): string | number | null =>
  cell !== null && typeof cell === "object" ? cell.value : cell;

export function downloadCsv({ columns, rows }: TableData, fileName: string): void {
  const csv = toCsv([columns, ...rows.map((row) => row.map(cellValue))]);
  const url = URL.createObjectURL(new Blob([`${csv}\r\n`], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "45 s", "12 min", "2 h 5 min", "3 d 4 h": a wait as a manager says it. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "Jan 10" for a YYYY-MM-DD day: axis ticks. */
export function shortDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
