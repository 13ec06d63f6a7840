import { cappedVoteDelta, DAILY_VOTE_CAP, POINTS, utcDay, votePoints } from "./reputation";

describe("votePoints", () => {
  it("gives more for an upvoted answer than an upvoted question, and the same penalty for any downvote", () => {
    expect(votePoints("question", 1)).toBe(POINTS.questionUpvoted);
    expect(votePoints("answer", 1)).toBe(POINTS.answerUpvoted);
    expect(votePoints("question", -1)).toBe(POINTS.downvoted);
    expect(votePoints("answer", -1)).toBe(POINTS.downvoted);
    expect(POINTS.downvoted).toBeLessThan(0);
  });
});

describe("cappedVoteDelta", () => {
  it("passes gains through while the day is below the cap", () => {
    expect(cappedVoteDelta(10, 0)).toBe(10);
    expect(cappedVoteDelta(10, 189)).toBe(10);
    expect(cappedVoteDelta(5, 195)).toBe(5);
  });

  it("stops exactly at the 200-point daily cap", () => {
    expect(DAILY_VOTE_CAP).toBe(200);
    expect(cappedVoteDelta(10, 190)).toBe(10); // lands on 200
    expect(cappedVoteDelta(10, 195)).toBe(5); // only the part up to 200
    expect(cappedVoteDelta(10, 199)).toBe(1);
    expect(cappedVoteDelta(10, 200)).toBe(0);
    expect(cappedVoteDelta(5, 250)).toBe(0); // never negative once past the cap
  });

  it("never caps losses", () => {
    expect(cappedVoteDelta(-2, 0)).toBe(-2);
    expect(cappedVoteDelta(-2, 200)).toBe(-2);
    expect(cappedVoteDelta(-2, 10_000)).toBe(-2);
    expect(cappedVoteDelta(0, 200)).toBe(0);
  });
});

describe("utcDay", () => {
  it("counts days in UTC, not in Japan time", () => {
    expect(utcDay(new Date("2026-03-01T23:59:59.999Z"))).toBe("2026-03-01");
    expect(utcDay(new Date("2026-03-02T00:00:00.000Z"))).toBe("2026-03-02");
    // 08:30 in Tokyo on 2 March is still 1 March in UTC.
    expect(utcDay(new Date("2026-03-02T08:30:00+09:00"))).toBe("2026-03-01");
  });
});
