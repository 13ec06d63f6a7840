// Names of the form fields that depend on criteria, topics or languages, shared by the forms
// (components) and their schemas (forms.server.ts).
export const evidenceField = (criterionId: string) => `evidence_${criterionId}`;
export const linksField = (criterionId: string) => `links_${criterionId}`;
export const scoreField = (criterionId: string) => `score_${criterionId}`;
export const topicField = (topic: string) => `topic_${topic}`;
export const languageField = (language: string) => `language_${language}`;
