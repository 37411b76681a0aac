import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./address-policy";

// The media route's SSRF guard by address. The URL parser rewrites IPv6 hosts before they get
// here ([::127.0.0.1] becomes ::7f00:1), so both spellings of each form are checked.
describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "10.0.0.5",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::127.0.0.1", // IPv4-compatible (deprecated), any embedded address
    "::7f00:1",
    "::a00:1",
    "::8.8.8.8",
    "::808:808",
    "::ffff:0:127.0.0.1", // SIIT
    "::ffff:0:7f00:1",
    "64:ff9b::127.0.0.1", // NAT64 well-known prefix
    "64:ff9b:1::7f00:1", // NAT64 local-use prefix
    "2002:7f00:1::1", // 6to4
    "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
    "not an address",
    "fe80::1%eth0",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8"])(
    "allows public %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});
