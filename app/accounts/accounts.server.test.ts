import { upsertAccount } from "../../tests/factories";
import { findAccountForEmail } from "./accounts.server";

describe("findAccountForEmail", () => {
  it("matches by domain regardless of case, and prefers the most specific domain", async () => {
    const parent = await upsertAccount({ name: "Acme Holdings", domains: ["acme-holdings.test"] });
    const child = await upsertAccount({ name: "Acme Japan", domains: ["jp.acme-holdings.test"] });
    await expect(findAccountForEmail("Hanako@ACME-HOLDINGS.test")).resolves.toMatchObject({ id: parent.id });
    await expect(findAccountForEmail("ken@jp.acme-holdings.test")).resolves.toMatchObject({ id: child.id });
    await expect(findAccountForEmail("ken@eu.acme-holdings.test")).resolves.toMatchObject({ id: parent.id });
  });

  it("finds nothing for free-mail or unknown domains", async () => {
    await expect(findAccountForEmail("someone@gmail.com")).resolves.toBeNull();
    await expect(findAccountForEmail("someone@unknown-company.test")).resolves.toBeNull();
  });
});
