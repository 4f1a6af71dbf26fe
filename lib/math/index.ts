// lib/math: pure functions, no I/O, no clock.
export * from "./probability";
export * from "./aggregation";
export * from "./outcomes";
export * from "./evidence-weight";
export * from "./ach";
export * from "./scoring";
export * from "./rebalance";
export * from "./series";
export * from "./time-order";
