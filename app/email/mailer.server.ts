// Every email goes through here. It is always recorded in the outbox table; with SMTP_URL it is
// also delivered, and without it the outbox and the server log are how a local user reads it.
import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import { db } from "~/db.server";
import { env } from "~/env.server";

export type Email = { to: string; subject: string; text: string };

let transporter: Transporter | undefined;

function smtpTransport(): Transporter | undefined {
  if (!env.SMTP_URL) return undefined;
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  return transporter;
}

/** `quiet`: leave the body out of the server log (jobs that send many; the outbox has it). */
export async function sendEmail(email: Email, options: { quiet?: boolean } = {}): Promise<void> {
  const transport = smtpTransport();
  const record = await db.outboxEmail.create({
    data: { ...email, transport: transport ? "smtp" : "outbox" },
    select: { id: true },
  });
  if (!transport) {
    if (!options.quiet) console.info(`[mail:outbox] to=${email.to} subject="${email.subject}"\n${email.text}`);
    return;
  }
  try {
    await transport.sendMail({ from: env.MAIL_FROM, ...email });
    // Delivered: drop the body so one-time links do not linger where staff could read them.
    await db.outboxEmail.update({ where: { id: record.id }, data: { sentAt: new Date(), text: "" } });
  } catch (error) {
    // The user's action succeeded; a mail server hiccup is logged and kept for staff to see.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[mail:error] to=${email.to}: ${message}`);
    await db.outboxEmail.update({ where: { id: record.id }, data: { error: message.slice(0, 500) } });
  }
}
