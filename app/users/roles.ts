export const ROLES = ["member", "cs", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERSONAS = ["practitioner", "manager", "executive"] as const;
export type Persona = (typeof PERSONAS)[number];

export const LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type Level = (typeof LEVELS)[number];

/** Staff are the vendor's people: CS staff and admins. Admins can do everything CS staff can. */
export function isStaff(role: string): boolean {
  return role === "cs" || role === "admin";
}

/** Does a person with `role` meet a requirement of `required`? Roles are ordered member < cs < admin. */
export function roleSatisfies(role: string, required: Role): boolean {
  const rank = (r: string) => ROLES.indexOf(r as Role);
  return rank(role) >= rank(required) && rank(role) !== -1;
}
