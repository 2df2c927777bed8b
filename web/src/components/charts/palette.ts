// Chart colours: distinguishable for common colour-vision differences (Okabe-Ito based).
export const COLORS = {
  spend: "#0f6e74",
  previous: "#a9c7c9",
  income: "#2f5aa8",
  net: "#1f7a3f",
  liabilities: "#b3261e",
  budget: "#e0a030",
} as const;

export const SERIES = ["#0f6e74", "#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#0072b2", "#d55e00", "#8c8c8c"];
