import { acceptsMembers, canTransition } from "./state";

describe("group state transitions", () => {
  it.each([
    ["proposed", "active", true],
    ["proposed", "declined", true],
    ["proposed", "archived", false],
    ["active", "archived", true],
    ["active", "proposed", false],
    ["active", "declined", false],
    ["archived", "active", true],
    ["declined", "active", false],
    ["declined", "proposed", false],
    ["nonsense", "active", false],
  ] as const)("%s → %s is %s", (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it("takes members only while active", () => {
    expect(["proposed", "active", "declined", "archived"].filter(acceptsMembers)).toEqual(["active"]);
  });
});
