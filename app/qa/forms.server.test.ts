// The Q&A form schemas: limits, tags typed comma-separated, checkboxes and the intent union.
import { translator } from "~/i18n/messages";
import { parseForm } from "~/utils/validation.server";
import { askSchema, questionIntentSchema, splitTags } from "./forms.server";

const t = translator("ja");
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const ask = (fields: Record<string, string>) => parseForm(form({ title: "リードスコアの減衰の設定", body: "本文", ...fields }), askSchema, t);

describe("askSchema", () => {
  it("accepts a question and normalises its parts", () => {
    const result = ask({ title: "  リードスコアの   減衰の設定  ", body: "行1\r\n行2", tags: "メール, スコアリング、 Email ,email", beginner: "on" });
    expect(result).toEqual({
      ok: true,
      data: { title: "リードスコアの 減衰の設定", body: "行1\n行2", tags: ["メール", "スコアリング", "Email"], beginner: true },
    });
    const plain = ask({});
    expect(plain.ok && plain.data).toMatchObject({ tags: [], beginner: false });
  });

  it("names each limit in Japanese", () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ title: "" }, "title", "タイトルは8〜150文字で入力してください。"],
      [{ title: "短すぎる" }, "title", "タイトルは8〜150文字で入力してください。"],
      [{ title: "あ".repeat(151) }, "title", "タイトルは8〜150文字で入力してください。"],
      [{ body: "  \r\n " }, "body", "質問の内容を入力してください。"],
      [{ body: "あ".repeat(20_001) }, "body", "詳しい内容は20,000文字までです。短くしてください。"],
      [{ tags: Array.from({ length: 50 }, (_, i) => `tag${i}`).join(",") }, "tags", "タグは5個までです。"],
      [{ tags: `ok, ${"x".repeat(31)}` }, "tags", "タグは1つ30文字までです。"],
    ];
    for (const [fields, field, message] of cases) {
      const result = ask(fields);
      expect(result.ok, JSON.stringify(fields).slice(0, 80)).toBe(false);
      if (!result.ok) expect(result.errors[field]).toBe(message);
    }
    // A body of exactly the limit, and five tags, are fine.
    expect(ask({ body: "あ".repeat(20_000), tags: "a,b,c,d,e" }).ok).toBe(true);
    // CRLF counts as one character, as the writer sees it.
    expect(ask({ body: "あ\r\n".repeat(10_000) }).ok).toBe(true);
  });

  it("counts repeated tags once after normalising", () => {
    expect(splitTags(" a ,, b、c，")).toEqual(["a", "b", "c"]);
    expect(ask({ tags: "CRM, crm, ＣＲＭ, Crm, crm , x" }).ok).toBe(true);
  });
});

describe("questionIntentSchema", () => {
  const intent = (fields: Record<string, string>) => parseForm(form(fields), questionIntentSchema, t);

  it("parses votes with an explicit value", () => {
    expect(intent({ intent: "vote", targetType: "answer", targetId: "a1", value: "-1" })).toEqual({ ok: true, data: { intent: "vote", targetType: "answer", targetId: "a1", value: -1 } });
    expect(intent({ intent: "vote", targetType: "answer", targetId: "a1", value: "0" }).ok).toBe(true);
    expect(intent({ intent: "vote", targetType: "answer", targetId: "a1", value: "2" }).ok).toBe(false);
    expect(intent({ intent: "vote", targetType: "group", targetId: "a1", value: "1" }).ok).toBe(false);
  });

  it("checks reports, answers and assignments", () => {
    const empty = intent({ intent: "report", targetType: "question", targetId: "q", reason: "  " });
    expect(!empty.ok && empty.errors.reason).toBe("報告の理由を入力してください。");
    const long = intent({ intent: "report", targetType: "question", targetId: "q", reason: "あ".repeat(501) });
    expect(!long.ok && long.errors.reason).toBe("報告の理由は500文字までです。");
    const answer = intent({ intent: "answer", body: "" });
    expect(!answer.ok && answer.errors.body).toBe("回答を入力してください。");
    expect(intent({ intent: "assign", assigneeId: "" })).toEqual({ ok: true, data: { intent: "assign", assigneeId: null } });
    expect(intent({ intent: "moderate-question", action: "delete" }).ok).toBe(false);
    expect(intent({ intent: "launch" }).ok).toBe(false);
    expect(intent({}).ok).toBe(false);
  });
});
