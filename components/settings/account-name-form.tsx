"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { useRenameAccount } from "./queries";

/**
 * The owner's name for an account: what rows show when a viewer sees several accounts. The field
 * holds only the owner's own name (empty when there is none), never the name shown in its place,
 * so saving untouched does not freeze HighLevel's name or the default as the owner's.
 */
export function AccountNameForm({
  accountId,
  ownName,
  shown,
}: {
  accountId: string;
  ownName: string | null;
  shown: string;
}) {
  const router = useRouter();
  const rename = useRenameAccount(accountId);
  const [value, setValue] = useState(ownName ?? "");
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate(value, { onSuccess: () => router.refresh() });
  };
  return (
    <form onSubmit={submit} className="mb-3 flex flex-wrap items-end gap-2" aria-label="Account name">
      <label className="grid gap-1 text-xs text-text-muted">
        Display name
        {/* No placeholder: a grey name in the box reads as a name already saved. */}
        <Input
          value={value}
          aria-describedby={hintId}
          onChange={(event) => setValue(event.target.value)}
          maxLength={120}
          className="w-64"
        />
      </label>
      <Button type="submit" size="sm" disabled={rename.isPending}>
        Save name
      </Button>
      {rename.isSuccess ? <span className="text-xs text-text-muted">Saved</span> : null}
      {rename.isError ? <Notice tone="danger">{rename.error.message}</Notice> : null}
      <p id={hintId} className="basis-full text-xs text-text-muted">
        Your name for it, such as &ldquo;Miami office&rdquo;.{" "}
        {ownName ? (
          "Left empty, the name it came with is shown again."
        ) : (
          <>Left empty, it is shown as &ldquo;{shown}&rdquo;.</>
        )}
      </p>
    </form>
  );
}
