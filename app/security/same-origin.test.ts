import { isAllowedStateChange } from "./same-origin.js";

const base = { method: "POST", path: "/login", host: "kizuna.test:3000", referer: undefined };

describe("isAllowedStateChange", () => {
  it("lets reads through from anywhere", () => {
    expect(isAllowedStateChange({ ...base, method: "GET", origin: "https://evil.test" })).toBe(true);
  });

  it("accepts a same-origin POST", () => {
    expect(isAllowedStateChange({ ...base, origin: "http://kizuna.test:3000" })).toBe(true);
  });

  it("rejects a POST from another site", () => {
    expect(isAllowedStateChange({ ...base, origin: "https://evil.test" })).toBe(false);
    expect(isAllowedStateChange({ ...base, origin: "http://kizuna.test:3001" })).toBe(false);
  });

  it("falls back to Referer, and refuses when neither header is present", () => {
    expect(isAllowedStateChange({ ...base, origin: undefined, referer: "http://kizuna.test:3000/login" })).toBe(true);
    expect(isAllowedStateChange({ ...base, origin: "null", referer: "https://evil.test/" })).toBe(false);
    expect(isAllowedStateChange({ ...base, origin: undefined })).toBe(false);
  });

  it("accepts the configured public URL behind a proxy", () => {
    expect(isAllowedStateChange({ ...base, host: "10.0.0.5:3000", origin: "https://kizuna.example.com", appUrl: "https://kizuna.example.com" })).toBe(true);
  });

  it("leaves token-authenticated API routes to their own checks", () => {
    expect(isAllowedStateChange({ ...base, path: "/api/v1/events", origin: undefined })).toBe(true);
  });
});
