import { pipelineNamesJob } from "@/lib/ingest/pipeline-names/job";
import { transcriptFetchJob } from "@/lib/ingest/transcripts/fetch-job";
import type { AnyJobDefinition } from "@/lib/jobs/definition";
import { pruneFinishedJobsJob } from "@/lib/jobs/retention";
import { mailOutboxJob } from "@/lib/mail/outbox-job";
import { sendReplyJob } from "@/lib/replies/send-job";
import { highLevelUserNameJob } from "@/lib/senders/user-names";
import { assignmentSyncJob } from "@/lib/team/highlevel-sync/assignment-job";
import { highLevelUsersJob } from "@/lib/team/highlevel-sync/users-job";
import { mentionMailJob } from "@/lib/team/mention-mail-job";
import { wakeConversationJob } from "@/lib/team/wake-job";

// Every kind of job a worker runs (lib/jobs). A new kind is a definition beside its feature and a
// line here; the queue itself knows no feature.
export const JOB_DEFINITIONS: readonly AnyJobDefinition[] = [
  sendReplyJob as AnyJobDefinition,
  highLevelUserNameJob as AnyJobDefinition,
  wakeConversationJob as AnyJobDefinition,
  mentionMailJob as AnyJobDefinition,
  assignmentSyncJob as AnyJobDefinition,
  highLevelUsersJob as AnyJobDefinition,
  transcriptFetchJob as AnyJobDefinition,
  pipelineNamesJob as AnyJobDefinition,
  mailOutboxJob as AnyJobDefinition,
  pruneFinishedJobsJob as AnyJobDefinition,
];
