"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { Label } from "@/components/inbox-data/api-types";
import { createAccountLabel, deleteAccountLabel, labelKeys, useLabelsInScope } from "@/components/team/label-api";
import { LabelChip } from "@/components/team/label-chip";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { LABEL_COLORS, type LabelColor } from "@/lib/vocabulary";

const COLOR_NAMES: Record<LabelColor, string> = {
  blue: "Blue",
  amber: "Amber",
  green: "Green",
  rose: "Rose",
  violet: "Violet",
  cyan: "Cyan",
  olive: "Olive",
  slate: "Slate",
};

/** An owner's labels for one account: add (name + colour), see, delete (it leaves every conversation). */
export function LabelSettings({ accountId, label }: { accountId: string; label: string }) {
  // One request for every account on the page (not one per account), filtered here.
  const inScope = useLabelsInScope();
  const labels = { data: inScope.data?.filter((item) => item.accountId === accountId), refetch: inScope.refetch };
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [color, setColor] = useState<LabelColor>("blue");
  const [name, setName] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: labelKeys.inScope() });
  const create = useMutation({
    mutationFn: (name: string) => createAccountLabel(accountId, { name, color }),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => deleteAccountLabel(accountId, id), onSettled: refresh });

  // The box empties at once (the next name can be typed while this one saves); a refusal puts it back.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = name;
    setName("");
    create.mutate(typed, { onSuccess: () => void labels.refetch(), onError: () => setName(typed) });
  }

  const error = create.error ?? remove.error;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <form onSubmit={submit} className="flex flex-col gap-2" aria-label={`Add a label to ${label}`}>
        <h3 className="font-medium">Labels</h3>
        <div className="flex gap-2">
          <Input
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={40}
            placeholder="e.g. Billing"
            aria-label="Label name"
            className="min-w-0 flex-1 py-1"
          />
          <Select
            controlSize="sm"
            aria-label="Colour"
            value={color}
            onChange={(event) => setColor(event.target.value as LabelColor)}
          >
            {LABEL_COLORS.map((value) => (
              <option key={value} value={value}>
                {COLOR_NAMES[value]}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" size="sm" className="text-sm" disabled={!hydrated || create.isPending}>
          Add label
        </Button>
      </form>
      {error && (
        <p role="alert" className="text-danger">
          {error.message}
        </p>
      )}
      {labels.data && labels.data.length > 0 && (
        <ul className="divide-y divide-border text-xs" aria-label={`Labels of ${label}`}>
          {labels.data.map((item: Label) => (
            <li key={item.id} className="flex items-center gap-2 py-1">
              <LabelChip label={item} />
              <Button
                variant="link"
                size="sm"
                className="ml-auto text-text"
                aria-label={`Delete label ${item.name}`}
                onClick={() => remove.mutate(item.id, { onSuccess: () => void labels.refetch() })}
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
