import { CalendarDays, CircleCheck } from "lucide-react";
import type { CustomerRecords } from "@/components/inbox-data/api-types";
import { cn } from "@/components/ui/cn";
import { formatFullDate } from "@/lib/format";

const heading = "mb-1 text-xs font-semibold uppercase tracking-wide text-text-muted";

/** The customer's next appointment and open tasks (with due dates; overdue ones marked). */
export function CustomerAgenda({ records, now = new Date() }: { records: CustomerRecords; now?: Date }) {
  const next = records.nextAppointment;
  return (
    <>
      <section aria-labelledby="next-appointment-heading" data-testid="next-appointment">
        <h3 id="next-appointment-heading" className={heading}>
          Next appointment
        </h3>
        {next ? (
          <div className="flex gap-2 rounded-card border border-border bg-surface-raised p-2 text-sm">
            <CalendarDays className="mt-0.5 size-4 shrink-0 text-text-muted" aria-hidden />
            <div className="min-w-0">
              <p className="font-medium">{next.title ?? "Appointment"}</p>
              <p className="text-xs text-text-muted">
                <time dateTime={next.startsAt ?? undefined}>{formatFullDate(next.startsAt)}</time>
                {next.status && next.status !== "unknown" && ` · ${next.status}`}
              </p>
              {next.address && <p className="truncate text-xs text-text-muted">{next.address}</p>}
            </div>
          </div>
        ) : (
          <p className="text-sm text-text-muted">None booked.</p>
        )}
      </section>
      <section aria-labelledby="open-tasks-heading" data-testid="open-tasks">
        <h3 id="open-tasks-heading" className={heading}>
          Open tasks ({records.openTasks.length})
        </h3>
        {records.openTasks.length === 0 ? (
          <p className="text-sm text-text-muted">None.</p>
        ) : (
          <ul className="space-y-1.5">
            {records.openTasks.map((task) => {
              const overdue = task.dueAt !== null && new Date(task.dueAt) < now;
              return (
                <li key={task.id} className="flex gap-2 text-sm">
                  <CircleCheck className="mt-0.5 size-4 shrink-0 text-text-muted" aria-hidden />
                  <div className="min-w-0">
                    <p>{task.title ?? task.body ?? "Task"}</p>
                    {task.dueAt && (
                      <p className={cn("text-xs", overdue ? "font-medium text-danger" : "text-text-muted")}>
                        {overdue ? "Overdue · due " : "Due "}
                        <time dateTime={task.dueAt}>{formatFullDate(task.dueAt)}</time>
                      </p>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
