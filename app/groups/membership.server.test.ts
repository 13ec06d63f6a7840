// Seats, companies, the wait list and leadership against a real (per-file) database.
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { db } from "~/db.server";
import { createGroupAsStaff, decideProposal, proposeGroup, setGroupArchived, type GroupInput } from "./groups.server";
import { decideJoinRequest, handOverLeadership, joinGroup, leaveGroup, seatsTaken } from "./membership.server";

const INPUT: GroupInput = {
  name: "スコアリング分科会",
  challenge: "スコアが営業に使われない",
  description: "**毎月**集まります",
  level: "intermediate",
  topics: ["lead-scoring"],
  capacityPeople: 3,
  capacityCompanies: 2,
  visibility: "open",
};

let n = 0;
async function company() {
  n += 1;
  return upsertAccount({ name: `会社${n}`, domains: [`company-${n}-${Date.now()}.example`] });
}
async function person(accountId: string | null, role: "member" | "cs" = "member") {
  const user = await upsertUser({ email: uniqueEmail(), name: `人 ${n}`, accountId, role });
  return { id: user.id, accountId, role };
}
async function staffGroup(input: Partial<GroupInput> = {}) {
  const staff = await person(null, "cs");
  return (await createGroupAsStaff(staff, { ...INPUT, ...input })).id;
}
const status = async (groupId: string, userId: string) =>
  (await db.groupMembership.findUnique({ where: { groupId_userId: { groupId, userId } } }))?.status;

describe("capacity", () => {
  it("gives the last seat to exactly one of two simultaneous joins", async () => {
    const groupId = await staffGroup({ capacityPeople: 1, capacityCompanies: 5 });
    const [a, b] = [await person((await company()).id), await person((await company()).id)];
    const outcomes = await Promise.all([joinGroup(groupId, a), joinGroup(groupId, b)]);
    expect(outcomes.sort()).toEqual(["joined", "waitlisted"]);
    expect((await seatsTaken(groupId)).people).toBe(1);
  });

  it("counts a company once, and refuses a new company when the company capacity is reached", async () => {
    const groupId = await staffGroup({ capacityPeople: 10, capacityCompanies: 2 });
    const [c1, c2, c3] = [await company(), await company(), await company()];
    expect(await joinGroup(groupId, await person(c1.id))).toBe("joined");
    expect(await joinGroup(groupId, await person(c2.id))).toBe("joined");
    expect(await joinGroup(groupId, await person(c1.id))).toBe("joined"); // same company, no new company seat
    expect(await joinGroup(groupId, await person(c3.id))).toBe("waitlisted");
    expect(await seatsTaken(groupId)).toEqual({ people: 3, companies: 2 });
  });

  it("promotes the first waiting person who fits when a seat frees up", async () => {
    const groupId = await staffGroup({ capacityPeople: 2, capacityCompanies: 5 });
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await person((await company()).id));
    const [first, second, third, fourth] = people as [Awaited<ReturnType<typeof person>>, ...Awaited<ReturnType<typeof person>>[]];
    await joinGroup(groupId, first, { now: new Date("2026-11-01T00:00:00Z") });
    await joinGroup(groupId, second!, { now: new Date("2026-11-01T00:01:00Z") });
    expect(await joinGroup(groupId, third!, { now: new Date("2026-11-01T00:02:00Z") })).toBe("waitlisted");
    expect(await joinGroup(groupId, fourth!, { now: new Date("2026-11-01T00:03:00Z") })).toBe("waitlisted");
    expect(await leaveGroup(groupId, first)).toBe("left");
    expect(await status(groupId, third!.id)).toBe("active");
    expect(await status(groupId, fourth!.id)).toBe("waitlisted");
    const joinedEvents = await db.engagementEvent.findMany({ where: { actorId: third!.id, type: "group.joined" } });
    expect(joinedEvents).toHaveLength(1);
  });
});

describe("joining rules", () => {
  it("refuses proposed, declined and archived groups", async () => {
    const member = await person((await company()).id);
    const proposed = (await proposeGroup(member, INPUT)).id;
    const other = await person((await company()).id);
    expect(await joinGroup(proposed, other)).toBe("closed");
    const archived = await staffGroup();
    await setGroupArchived(archived, true);
    expect(await joinGroup(archived, other)).toBe("closed");
    expect(await status(archived, other.id)).toBeUndefined();
  });

  it("turns a join into a request for request-to-join groups; a leader's approval seats them", async () => {
    const groupId = await staffGroup({ visibility: "request" });
    const applicant = await person((await company()).id);
    expect(await joinGroup(groupId, applicant)).toBe("requested");
    expect(await joinGroup(groupId, applicant)).toBe("already-requested");
    expect(await decideJoinRequest(groupId, applicant.id, true)).toBe("joined");
    expect(await status(groupId, applicant.id)).toBe("active");
    const rejected = await person((await company()).id);
    await joinGroup(groupId, rejected);
    expect(await decideJoinRequest(groupId, rejected.id, false)).toBe("rejected");
    expect(await status(groupId, rejected.id)).toBe("rejected");
  });
});

describe("proposals and leadership", () => {
  it("makes the proposer the leader; staff approve (becoming liaison) or decline with a reason", async () => {
    const proposer = await person((await company()).id);
    const staff = await person(null, "cs");
    const groupId = (await proposeGroup(proposer, INPUT)).id;
    expect(await decideProposal(staff, groupId, false, "  ")).toBe("reason-required");
    expect(await decideProposal(staff, groupId, true, "")).toBe("ok");
    expect(await decideProposal(staff, groupId, true, "")).toBe("invalid-transition");
    const group = await db.studyGroup.findUniqueOrThrow({ where: { id: groupId }, include: { memberships: true } });
    expect(group).toMatchObject({ state: "active", liaisonId: staff.id, descriptionHtml: "<p><strong>毎月</strong>集まります</p>" });
    expect(group.memberships).toEqual([expect.objectContaining({ userId: proposer.id, role: "leader", status: "active" })]);
  });

  it("keeps a group from losing its last leader, and hands leadership over", async () => {
    const proposer = await person((await company()).id);
    const groupId = (await proposeGroup(proposer, INPUT)).id;
    await decideProposal(await person(null, "cs"), groupId, true, "");
    const member = await person((await company()).id);
    await joinGroup(groupId, member);
    expect(await leaveGroup(groupId, proposer)).toBe("last-leader");
    expect(await handOverLeadership(groupId, member.id, proposer.id)).toBe("ok");
    expect(await leaveGroup(groupId, proposer)).toBe("left");
    expect((await db.groupMembership.findUniqueOrThrow({ where: { groupId_userId: { groupId, userId: member.id } } })).role).toBe("leader");
    expect(await handOverLeadership(groupId, proposer.id)).toBe("not-active-member");
  });
});
