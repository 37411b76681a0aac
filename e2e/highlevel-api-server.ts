import { startHighLevelApiStub } from "../lib/testing/highlevel-api";
import { HIGHLEVEL_API_PORT } from "./highlevel-api";

// Runs the suite's stand-in for HighLevel's API until Playwright stops it (SIGTERM ends it). It
// knows only the locations a spec tells it about (./highlevel-api.ts); any other location answers
// 404, as a path HighLevel lacks, so a token stored for the fixtures' accounts still fails visibly
// (18-highlevel-token.spec.ts).

await startHighLevelApiStub({ port: HIGHLEVEL_API_PORT, knownLocationsOnly: true, remoteControl: true });
