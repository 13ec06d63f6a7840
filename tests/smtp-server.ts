// A minimal SMTP server on 127.0.0.1 for tests: enough of RFC 5321 for nodemailer to deliver
// (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), recording each message it accepts.
import net from "node:net";

export type ReceivedMail = { from: string; to: string[]; data: string };

export function startSmtpServer(port: number) {
  const received: ReceivedMail[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let current: ReceivedMail = { from: "", to: [], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 kizuna-test ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          current.data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: "", to: [], data: "" };
          reply("250 queued");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") socket.write("250-kizuna-test\r\n250 8BITMIME\r\n");
        else if (verb === "HELO") reply("250 kizuna-test");
        else if (verb === "MAIL") (current.from = line.slice(10).trim()), reply("250 ok");
        else if (verb === "RCPT") current.to.push(line.slice(8).trim()), reply("250 ok");
        else if (verb === "DATA") (inData = true), reply("354 end with <CRLF>.<CRLF>");
        else if (verb === "QUIT") reply("221 bye"), socket.end();
        else reply("250 ok");
      }
    });
  });
  return {
    received,
    listen: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
