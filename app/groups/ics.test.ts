// The iCalendar file: structure, UTC times, escaping and UTF-8-safe folding.
import { buildIcs, escapeText, foldLine, icsContentDisposition, icsDateTime, icsFileName } from "./ics";

const octets = (s: string) => new TextEncoder().encode(s).length;
/** RFC 5545 unfolding: a CRLF followed by one space or tab disappears. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");

const EVENT = {
  uid: "meeting-abc123@kizuna.example",
  stamp: new Date("2026-11-20T08:15:30.123Z"),
  start: new Date("2026-12-01T10:00:00Z"),
  end: new Date("2026-12-01T11:00:00Z"),
  summary: "第4回：受注データでスコアを検証する",
  description: "1. 事例, 共有; 質疑\n2. C:\\data を使う",
  location: "東京都千代田区（会議室）",
  url: "https://kizuna.example/groups/g1/meetings/abc123",
};

describe("buildIcs", () => {
  const ics = buildIcs(EVENT);

  it("is one VEVENT in a VCALENDAR, every line ending in CRLF", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).toBe(true);
    expect(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // no bare LF or CR anywhere
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it("writes times in UTC and the required properties", () => {
    const lines = unfold(ics).split("\r\n");
    expect(lines).toContain("UID:meeting-abc123@kizuna.example");
    expect(lines).toContain("DTSTAMP:20261120T081530Z");
    expect(lines).toContain("DTSTART:20261201T100000Z");
    expect(lines).toContain("DTEND:20261201T110000Z");
    expect(lines).toContain("SUMMARY:第4回：受注データでスコアを検証する");
    expect(lines).toContain("LOCATION:東京都千代田区（会議室）");
    expect(lines).toContain("URL:https://kizuna.example/groups/g1/meetings/abc123");
  });

  it("escapes text values", () => {
    expect(unfold(ics)).toContain("DESCRIPTION:1. 事例\\, 共有\\; 質疑\\n2. C:\\\\data を使う\r\n");
  });

  it("leaves out empty optional properties", () => {
    const bare = buildIcs({ ...EVENT, description: "", location: undefined, url: "" });
    expect(bare).not.toMatch(/DESCRIPTION|LOCATION|URL:/);
  });

  it("keeps every physical line within 75 octets, even for long Japanese text", () => {
    const long = buildIcs({ ...EVENT, description: "営業アラートの文面を見せ合い、反応を比べます。".repeat(20) });
    for (const line of long.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(long)).toContain(`DESCRIPTION:${"営業アラートの文面を見せ合い、反応を比べます。".repeat(20)}\r\n`);
  });
});

describe("pieces", () => {
  it("formats UTC date-times without separators or milliseconds", () => {
    expect(icsDateTime(new Date("2026-03-08T07:30:00.999Z"))).toBe("20260308T073000Z");
  });

  it("escapes backslash first, then ; , and every kind of line break", () => {
    expect(escapeText("a\\b;c,d\r\ne\rf\ng")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("folds at 75 octets without splitting a multi-byte character or an emoji", () => {
    const folded = foldLine(`SUMMARY:${"あ".repeat(30)}😀${"x".repeat(100)}`);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(2);
    for (const line of physical) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
    expect(physical[0]).toBe(`SUMMARY:${"あ".repeat(22)}`); // 8 + 66 octets; a 23rd would make 77
    expect(physical.slice(1).every((line) => line.startsWith(" "))).toBe(true);
    expect(unfold(folded)).toBe(`SUMMARY:${"あ".repeat(30)}😀${"x".repeat(100)}`);
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
    expect(octets(foldLine("X:" + "y".repeat(73)))).toBe(75); // exactly 75 fits on one line
    expect(foldLine("X:" + "y".repeat(73))).not.toContain("\r\n");
  });

  it("names the download with ASCII, and gives the Japanese title to browsers that take filename*", () => {
    const start = new Date("2026-12-01T10:00:00Z");
    expect(icsFileName("第4回：受注データでスコアを検証する", start)).toBe("meeting-20261201.ics");
    expect(icsFileName("Kick-off: goals & intros", start)).toBe("kick-off-goals-intros-20261201.ics");
    const header = icsContentDisposition("第4回：受注\"データ\"", start);
    expect(header).toMatch(/^attachment; filename="meeting-20261201\.ics"; filename\*=UTF-8''/);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe("第4回：受注 データ.ics");
  });
});
