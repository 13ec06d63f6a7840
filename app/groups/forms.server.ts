// Schemas for the study-group forms (proposal, staff creation, overview actions).
import { z } from "zod";
import { getCatalog } from "~/content/catalog.server";
import { LEVELS } from "~/users/roles";
import { CAPACITY_LIMITS, GROUP_VISIBILITIES } from "./model";
import { fields } from "~/utils/validation.server";

const capacity = (max: number) =>
  z.coerce.number({ invalid_type_error: "groups.error.capacity" }).int("groups.error.capacity").min(1, "groups.error.capacity").max(max, "groups.error.capacity");

export function groupFormSchema() {
  const topicIds = Object.keys(getCatalog().topics);
  return z.object({
    name: z.string().trim().min(1).max(80),
    challenge: z.string().trim().min(1).max(160),
    description: z.string().trim().min(1).max(5000),
    level: z.enum(LEVELS),
    // Several checkboxes with the same name arrive as one comma-joined value (see readTopics).
    topics: z
      .string()
      .default("")
      .transform((value) => value.split(",").filter(Boolean))
      .pipe(z.array(z.string().refine((t) => topicIds.includes(t), "error.invalidChoice")).min(1, "groups.error.topics").max(4, "groups.error.topics")),
    capacityPeople: capacity(CAPACITY_LIMITS.people),
    capacityCompanies: capacity(CAPACITY_LIMITS.companies),
    visibility: z.enum(GROUP_VISIBILITIES),
    leaderEmail: z.union([z.literal(""), fields.email]).default(""),
  });
}

/** Merges repeated `topics` checkboxes into one field before validation. */
export function withJoinedTopics(formData: FormData): FormData {
  const merged = new FormData();
  for (const [key, value] of formData) if (key !== "topics") merged.append(key, value);
  merged.set("topics", formData.getAll("topics").map(String).join(","));
  return merged;
}

export const overviewActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("join") }),
  z.object({ intent: z.literal("leave") }),
  z.object({ intent: z.literal("approve-request"), userId: z.string().min(1).max(40) }),
  z.object({ intent: z.literal("reject-request"), userId: z.string().min(1).max(40) }),
  z.object({ intent: z.literal("make-leader"), userId: z.string().min(1).max(40), stepDown: z.enum(["yes", "no"]).default("no") }),
  z.object({ intent: z.literal("approve-group") }),
  z.object({ intent: z.literal("decline-group"), reason: z.string().trim().min(1, "groups.error.reason").max(500) }),
  z.object({ intent: z.literal("archive") }),
  z.object({ intent: z.literal("reopen") }),
  z.object({ intent: z.literal("recommend"), email: fields.email, note: z.string().trim().max(300).default("") }),
]);
