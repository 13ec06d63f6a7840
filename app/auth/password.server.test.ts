import { verifyLogin } from "./auth.server";
import { hashPassword, verifyPassword } from "./password.server";
import { upsertUser, uniqueEmail } from "../../tests/factories";

describe("password hashing", () => {
  it("hashes with Argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).not.toContain("correct horse battery");
    await expect(verifyPassword(hash, "correct horse battery")).resolves.toBe(true);
    await expect(verifyPassword(hash, "correct horse batterY")).resolves.toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same-password-1"), hashPassword("same-password-1")]);
    expect(a).not.toBe(b);
  });

  it("treats a malformed stored hash as a wrong password, not an error", async () => {
    await expect(verifyPassword("not-a-hash", "anything")).resolves.toBe(false);
  });
});

describe("verifyLogin", () => {
  it("accepts the right password with any capitalisation of the email", async () => {
    const email = uniqueEmail("acme.test");
    const user = await upsertUser({ email, name: "Login Test", password: "s3cret-password" });
    await expect(verifyLogin(email.toUpperCase(), "s3cret-password")).resolves.toBe(user.id);
    await expect(verifyLogin(email, "wrong-password")).resolves.toBeNull();
  });

  it("spends comparable time on unknown addresses, so timing does not reveal who exists", async () => {
    const email = uniqueEmail("acme.test");
    await upsertUser({ email, name: "Timing", password: "s3cret-password" });
    await verifyLogin("warm-up@nowhere.test", "x"); // first call computes the dummy hash
    const time = async (address: string) => {
      const start = performance.now();
      for (let i = 0; i < 3; i++) await verifyLogin(address, "wrong-password");
      return performance.now() - start;
    };
    const known = await time(email);
    const unknown = await time("nobody-here@nowhere.test");
    // Without the dummy verification an unknown address answers ~30x faster.
    expect(unknown).toBeGreaterThan(known * 0.4);
  });
});
