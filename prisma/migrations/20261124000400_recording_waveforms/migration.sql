-- Recording waveforms, computed once per attachment from its audio (lib/media/waveforms.ts) and
-- kept here so no recording is fetched and decoded twice. A null peaks column records audio we
-- could not decode (an unsupported format): not fetched again either.
CREATE TABLE "recording_waveforms" (
    "attachment_id" TEXT NOT NULL,
    "peaks" BYTEA,
    "duration_seconds" DOUBLE PRECISION,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "recording_waveforms_pkey" PRIMARY KEY ("attachment_id"),
    CONSTRAINT "recording_waveforms_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "attachments"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "recording_waveforms_peaks_size" CHECK ("peaks" IS NULL OR octet_length("peaks") BETWEEN 1 AND 2000),
    CONSTRAINT "recording_waveforms_duration" CHECK ("duration_seconds" IS NULL OR "duration_seconds" >= 0)
);
