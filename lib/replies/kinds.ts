/** The job kind that hands a reply to HighLevel (lib/replies/send-job.ts). */
export const SEND_REPLY = "send-reply";
