// Personas as a customer and an operator read them. The criteria live in the engine
// (personas/criteria.toml); the customer's "why" is the behaviours behind the persona.
import type { Behaviour } from "./behaviours";

export interface PersonaInfo {
  name: string;
  summary: string;
  focus: string;
  /** Which behaviours explain this persona. */
  areas: Behaviour["area"][];
}

export const PERSONAS: Record<string, PersonaInfo> = {
  high_utilization: {
    name: "High Utilization",
    summary: "Your card balances are high compared with their limits, or your cards are costing you interest.",
    focus: "How utilization affects your credit score, paying balances down, and avoiding interest.",
    areas: ["credit"],
  },
  variable_income: {
    name: "Variable Income Budgeter",
    summary: "Your pay arrives at irregular intervals and the cushion in checking is thin.",
    focus: "Budgeting on an irregular income and building a buffer between paydays.",
    areas: ["income"],
  },
  fee_saver: {
    name: "Fee Saver",
    summary: "Bank fees are taking money out of your accounts.",
    focus: "Low-balance alerts, lining up bill dates with paydays, and asking for fees to be waived.",
    areas: ["fees"],
  },
  subscription_heavy: {
    name: "Subscription-Heavy",
    summary: "Several subscriptions add up to a noticeable monthly cost.",
    focus: "Reviewing what you use, cancelling what you don't, and watching for price rises.",
    areas: ["subscriptions"],
  },
  savings_builder: {
    name: "Savings Builder",
    summary: "You're saving regularly and keeping card balances low.",
    focus: "Savings goals, emergency funds and where savings can earn more.",
    areas: ["savings", "credit"],
  },
};

export function personaName(id: string | null | undefined): string {
  if (!id) return "No persona";
  return PERSONAS[id]?.name ?? id;
}

/** The behaviours that explain `personaId`, in the order they were listed. */
export function personaReasons(personaId: string, behaviours: Behaviour[]): Behaviour[] {
  const info = PERSONAS[personaId];
  if (!info) return [];
  const wanted = personaId === "savings_builder" ? ["positive"] : ["attention"];
  const hits = behaviours.filter((b) => info.areas.includes(b.area) && wanted.includes(b.tone));
  return hits.length > 0 ? hits : behaviours.filter((b) => info.areas.includes(b.area));
}
