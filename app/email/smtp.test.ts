// With SMTP_URL set, email goes out through nodemailer to a real (local) SMTP server, and the
// outbox row is marked sent with its body dropped.
import { startSmtpServer } from "../../tests/smtp-server";

const port = vi.hoisted(() => {
  const chosen = 20_000 + Math.floor(Math.random() * 20_000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${chosen}`;
  process.env.MAIL_FROM = "Kizuna <no-reply@kizuna.test>";
  return chosen;
});

import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { db } from "~/db.server";
import { emailAlertToOwner } from "./alerts.server";
import { sendEmail } from "./mailer.server";

const smtp = startSmtpServer(port);
beforeAll(() => smtp.listen());
afterAll(() => smtp.close());

test("sendEmail delivers through SMTP in UTF-8 and records it as sent", async () => {
  await sendEmail({ to: "reader@example.test", subject: "Kizuna: 回答がつきました", text: "田中さんが回答しました\nhttps://kizuna.test/questions/1" });
  expect(smtp.received).toHaveLength(1);
  const [mail] = smtp.received;
  expect(mail!.from).toContain("no-reply@kizuna.test");
  expect(mail!.to).toEqual(["<reader@example.test>"]);
  expect(mail!.data).toMatch(/^Subject: /m);
  expect(mail!.data).toMatch(/charset=utf-8/i);
  const row = await db.outboxEmail.findFirstOrThrow({ where: { to: "reader@example.test" } });
  expect(row).toMatchObject({ transport: "smtp", text: "", error: null });
  expect(row.sentAt).not.toBeNull();
});

test("an alert email reaches the account's owner over SMTP", async () => {
  const owner = await upsertUser({ email: uniqueEmail("kizuna.example"), name: "Owner", role: "cs", locale: "en" });
  const account = await upsertAccount({ name: "Northwind Analytics K.K.", domains: ["nw-smtp.example"], ownerId: owner.id });
  expect(await emailAlertToOwner({ accountId: account.id, title: "Health fell to red", message: "Logins dropped by 60 % in two weeks.", nextAction: "Call the champion this week." }, "https://kizuna.test")).toEqual({ sent: true, to: owner.email });
  const mail = smtp.received.find((m) => m.to.includes(`<${owner.email}>`));
  expect(mail).toBeDefined();
});
