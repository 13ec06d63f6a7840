import { db } from "~/db.server";
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { updateUserByAdmin, type AdminUserInput } from "./user-admin.server";

const base: Omit<AdminUserInput, "role" | "accountId"> = {
  name: "Edited",
  title: "",
  persona: "manager",
  level: "advanced",
  locale: "en",
  timeZone: "Asia/Tokyo",
};

describe("updateUserByAdmin", () => {
  it("changes a role and records who did it", async () => {
    const admin = await upsertUser({ email: uniqueEmail(), name: "Admin", role: "admin" });
    const member = await upsertUser({ email: uniqueEmail(), name: "Member" });
    await expect(updateUserByAdmin(admin.id, member.id, { ...base, role: "cs", accountId: "" })).resolves.toEqual({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("cs");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { targetId: member.id } });
    expect(audit).toMatchObject({ actorId: admin.id, action: "user.role_changed", detail: "member → cs" });
  });

  it("drops the customer account when someone becomes staff", async () => {
    const admin = await upsertUser({ email: uniqueEmail(), name: "Admin", role: "admin" });
    const account = await upsertAccount({ name: "Co", domains: [`co-${Date.now()}.test`] });
    const member = await upsertUser({ email: uniqueEmail(), name: "Member", accountId: account.id });
    await updateUserByAdmin(admin.id, member.id, { ...base, role: "cs", accountId: account.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).accountId).toBeNull();
  });

  it("refuses an admin changing their own role", async () => {
    const admin = await upsertUser({ email: uniqueEmail(), name: "Admin", role: "admin" });
    await upsertUser({ email: uniqueEmail(), name: "Other admin", role: "admin" });
    await expect(updateUserByAdmin(admin.id, admin.id, { ...base, role: "member", accountId: "" })).resolves.toEqual({ ok: false, error: "selfRole" });
  });

  it("never demotes the last admin", async () => {
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "cs" } });
    const onlyAdmin = await upsertUser({ email: uniqueEmail(), name: "Only admin", role: "admin" });
    const staff = await upsertUser({ email: uniqueEmail(), name: "Staff", role: "cs" });
    await expect(updateUserByAdmin(staff.id, onlyAdmin.id, { ...base, role: "cs", accountId: "" })).resolves.toEqual({ ok: false, error: "lastAdmin" });
    expect((await db.user.findUniqueOrThrow({ where: { id: onlyAdmin.id } })).role).toBe("admin");
  });

  it("rejects an unknown account without changing anything", async () => {
    const admin = await upsertUser({ email: uniqueEmail(), name: "Admin", role: "admin" });
    const member = await upsertUser({ email: uniqueEmail(), name: "Member" });
    await expect(updateUserByAdmin(admin.id, member.id, { ...base, role: "member", accountId: "nope" })).resolves.toEqual({ ok: false, error: "unknownAccount" });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).name).toBe("Member");
  });
});
