import { describe, expect, it } from "vitest";
import { EVENT_TYPES, idempotencyKeys } from "./events";

describe("idempotencyKeys", () => {
  describe("contentViewed", () => {
    const key = idempotencyKeys.contentViewed;

    it("is the same for the same person, article and UTC day", () => {
      const morning = key("user-1", "en/first-steps", new Date("2026-04-10T00:00:00Z"));
      expect(morning).toBe("content.viewed:user-1:en/first-steps:2026-04-10");
      expect(key("user-1", "en/first-steps", new Date("2026-04-10T12:34:56Z"))).toBe(morning);
      expect(key("user-1", "en/first-steps", new Date("2026-04-10T23:59:59.999Z"))).toBe(morning);
    });

    it("uses the UTC day, not the local one", () => {
      // 08:30 on 11 April in Tokyo is still 10 April in UTC.
      expect(key("user-1", "en/first-steps", new Date("2026-04-11T08:30:00+09:00"))).toBe("content.viewed:user-1:en/first-steps:2026-04-10");
      expect(key("user-1", "en/first-steps", new Date("2026-04-11T09:00:00+09:00"))).toBe("content.viewed:user-1:en/first-steps:2026-04-11");
    });

    it("differs for another day, person or article", () => {
      const base = key("user-1", "en/first-steps", new Date("2026-04-10T23:59:59Z"));
      expect(key("user-1", "en/first-steps", new Date("2026-04-11T00:00:00Z"))).not.toBe(base);
      expect(key("user-2", "en/first-steps", new Date("2026-04-10T23:59:59Z"))).not.toBe(base);
      expect(key("user-1", "ja/first-steps", new Date("2026-04-10T23:59:59Z"))).not.toBe(base);
    });
  });

  it("gives one completion key per person and article", () => {
    expect(idempotencyKeys.contentCompleted("user-1", "en/first-steps")).toBe("content.completed:user-1:en/first-steps");
    expect(idempotencyKeys.contentCompleted("user-1", "en/first-steps")).toBe(idempotencyKeys.contentCompleted("user-1", "en/first-steps"));
    expect(idempotencyKeys.contentCompleted("user-2", "en/first-steps")).not.toBe(idempotencyKeys.contentCompleted("user-1", "en/first-steps"));
    expect(idempotencyKeys.contentCompleted("user-1", "en/other")).not.toBe(idempotencyKeys.contentCompleted("user-1", "en/first-steps"));
  });

  it("gives one video key per person and article", () => {
    expect(idempotencyKeys.videoWatched("user-1", "en/first-steps")).toBe("video.watched:user-1:en/first-steps");
    expect(idempotencyKeys.videoWatched("user-2", "en/first-steps")).not.toBe(idempotencyKeys.videoWatched("user-1", "en/first-steps"));
    expect(idempotencyKeys.videoWatched("user-1", "en/other")).not.toBe(idempotencyKeys.videoWatched("user-1", "en/first-steps"));
  });

  it("never lets keys of different event types collide", () => {
    const keys = [
      idempotencyKeys.contentViewed("user-1", "en/first-steps", new Date("2026-04-10T00:00:00Z")),
      idempotencyKeys.contentCompleted("user-1", "en/first-steps"),
      idempotencyKeys.videoWatched("user-1", "en/first-steps"),
    ];
    expect(new Set(keys).size).toBe(3);
    // Each key starts with its event type.
    expect(keys.map((k) => k.split(":")[0])).toEqual(["content.viewed", "content.completed", "video.watched"]);
    for (const key of keys) expect(Object.keys(EVENT_TYPES)).toContain(key.split(":")[0]);
  });
});
