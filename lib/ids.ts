// Opaque, time-ordered ids generated in code (same on every dialect).
import { v7 } from "uuid";

export const newId = (): string => v7();
