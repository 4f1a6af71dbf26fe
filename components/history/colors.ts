// Okabe–Ito: distinguishable with every common colour-vision deficiency.
export const SERIES_COLORS = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#56b4e9", "#cc79a7", "#f0e442", "#000000"];
