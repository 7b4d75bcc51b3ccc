import { defineVocabulary } from "./define.js";

// Bales, R. F. (1950). Interaction Process Analysis: A Method for the Study of Small Groups. Addison-Wesley.
// Categories are numbered 1–12 as Bales numbered them; each pair (1 & 12, 2 & 11, …, 6 & 7) addresses one of his
// six functional problems. Definitions are our own summaries.
/**
 * The 12 categories of Bales' Interaction Process Analysis, with their area and functional problem.
 *
 * @example
 * const antagonism = balesCategories.entries.find((entry) => entry.code === 12);
 * [antagonism?.label, antagonism?.area, antagonism?.problem]
 * //=> ["Shows antagonism", "social-emotional-negative", "reintegration"]
 */
export const balesCategories = /* @__PURE__ */ defineVocabulary({
  id: "BalesCategory",
  name: "Interaction Process Analysis categories (Bales 1950)",
  source: "Bales, Interaction Process Analysis, 1950",
  entries: [
    {
      code: 1,
      label: "Shows solidarity",
      area: "social-emotional-positive",
      problem: "reintegration",
      definition: "Raises others' status, gives help or reward.",
    },
    {
      code: 2,
      label: "Shows tension release",
      area: "social-emotional-positive",
      problem: "tension-reduction",
      definition: "Jokes, laughs, shows satisfaction.",
    },
    {
      code: 3,
      label: "Agrees",
      area: "social-emotional-positive",
      problem: "decision",
      definition: "Shows passive acceptance, understands, concurs, complies.",
    },
    {
      code: 4,
      label: "Gives suggestion",
      area: "task-attempted-answers",
      problem: "control",
      definition: "Gives direction, implying autonomy for others.",
    },
    {
      code: 5,
      label: "Gives opinion",
      area: "task-attempted-answers",
      problem: "evaluation",
      definition: "Evaluates, analyses, expresses a feeling or wish.",
    },
    {
      code: 6,
      label: "Gives orientation",
      area: "task-attempted-answers",
      problem: "communication",
      definition: "Gives information, repeats, clarifies, confirms.",
    },
    {
      code: 7,
      label: "Asks for orientation",
      area: "task-questions",
      problem: "communication",
      definition: "Asks for information, repetition or confirmation.",
    },
    {
      code: 8,
      label: "Asks for opinion",
      area: "task-questions",
      problem: "evaluation",
      definition: "Asks for evaluation, analysis or an expression of feeling.",
    },
    {
      code: 9,
      label: "Asks for suggestion",
      area: "task-questions",
      problem: "control",
      definition: "Asks for direction or possible ways of acting.",
    },
    {
      code: 10,
      label: "Disagrees",
      area: "social-emotional-negative",
      problem: "decision",
      definition: "Shows passive rejection or formality, withholds help.",
    },
    {
      code: 11,
      label: "Shows tension",
      area: "social-emotional-negative",
      problem: "tension-reduction",
      definition: "Asks for help, withdraws from the field.",
    },
    {
      code: 12,
      label: "Shows antagonism",
      area: "social-emotional-negative",
      problem: "reintegration",
      definition: "Deflates others' status, defends or asserts self.",
    },
  ],
});

/**
 * The four areas into which Bales grouped his 12 categories.
 *
 * @example
 * balesAreas.entries.map((entry) => entry.definition)
 * //=> ["Categories 1–3.", "Categories 4–6.", "Categories 7–9.", "Categories 10–12."]
 */
export const balesAreas = /* @__PURE__ */ defineVocabulary({
  id: "BalesArea",
  name: "Interaction Process Analysis areas (Bales 1950)",
  source: "Bales, Interaction Process Analysis, 1950",
  entries: [
    { code: "social-emotional-positive", label: "Social-emotional: positive reactions", definition: "Categories 1–3." },
    { code: "task-attempted-answers", label: "Task: attempted answers", definition: "Categories 4–6." },
    { code: "task-questions", label: "Task: questions", definition: "Categories 7–9." },
    {
      code: "social-emotional-negative",
      label: "Social-emotional: negative reactions",
      definition: "Categories 10–12.",
    },
  ],
});

// Yalom, I. D. & Leszcz, M. The Theory and Practice of Group Psychotherapy (5th ed. 2005, 6th ed. 2020), chapter 1.
// Codes and labels keep the source's American spelling, so a host that uses the book's terms is understood.
/**
 * Yalom's therapeutic factors: the mechanisms through which group therapy helps.
 *
 * @example
 * // Yalom's eleven factors, in his order
 * [therapeuticFactors.codes.length, therapeuticFactors.codes[0]]
 * //=> [11, "instillation-of-hope"]
 */
export const therapeuticFactors = /* @__PURE__ */ defineVocabulary({
  id: "TherapeuticFactor",
  name: "Therapeutic factors (Yalom)",
  source: "Yalom & Leszcz, The Theory and Practice of Group Psychotherapy, ch. 1",
  entries: [
    {
      code: "instillation-of-hope",
      label: "Instillation of hope",
      definition: "Seeing others improve gives members hope for themselves.",
    },
    {
      code: "universality",
      label: "Universality",
      definition: "Learning that others share one's problems and feelings.",
    },
    {
      code: "imparting-information",
      label: "Imparting information",
      definition: "Advice and teaching from the worker and from peers.",
    },
    { code: "altruism", label: "Altruism", definition: "Helping others raises a member's own sense of worth." },
    {
      code: "corrective-recapitulation-of-the-primary-family-group",
      label: "Corrective recapitulation of the primary family group",
      definition: "Reliving early family patterns in the group and changing how they end.",
    },
    {
      code: "development-of-socializing-techniques",
      label: "Development of socializing techniques",
      definition: "Learning and practising social skills with feedback.",
    },
    {
      code: "imitative-behavior",
      label: "Imitative behavior",
      definition: "Trying out ways of acting seen in the worker or other members.",
    },
    {
      code: "interpersonal-learning",
      label: "Interpersonal learning",
      definition: "Learning how one affects others through the group's feedback.",
    },
    {
      code: "group-cohesiveness",
      label: "Group cohesiveness",
      definition: "The sense of belonging and acceptance the group gives.",
    },
    { code: "catharsis", label: "Catharsis", definition: "Expressing strong feelings and being accepted." },
    {
      code: "existential-factors",
      label: "Existential factors",
      definition: "Facing responsibility, mortality and the limits of what others can give.",
    },
  ],
});
