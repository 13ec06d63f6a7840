import { z } from "zod";
import { translator } from "~/i18n/messages";
import { fields, parseForm } from "./validation.server";

const schema = z.object({ name: fields.name, email: fields.email, timeZone: fields.timeZone });
const t = translator("en");

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe("parseForm", () => {
  it("returns clean data for valid input", () => {
    const result = parseForm(form({ name: " 田中 ", email: "Tanaka@Example.COM", timeZone: "Asia/Tokyo" }), schema, t);
    expect(result).toEqual({ ok: true, data: { name: "田中", email: "tanaka@example.com", timeZone: "Asia/Tokyo" } });
  });

  it("explains each bad field and keeps the input", () => {
    const result = parseForm(form({ name: "x".repeat(81), email: "not-an-email", timeZone: "Mars/Olympus" }), schema, t);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: "This is too long (at most 80 characters).",
      email: "Enter a valid email address, like name@company.com.",
      timeZone: "Choose a valid time zone, such as Asia/Tokyo.",
    });
    expect(result.values.email).toBe("not-an-email");
  });

  it("reports missing fields as required, in Japanese too", () => {
    const result = parseForm(form({}), schema, translator("ja"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.name).toBe("入力してください。");
  });

  it("never echoes passwords back", () => {
    const result = parseForm(form({ name: "", password: "secret" }), z.object({ name: fields.name }), t);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.values).not.toHaveProperty("password");
  });
});
