// How strong a new password must be: zxcvbn's estimate (dictionaries of common passwords,
// names and words; keyboard patterns, repeats, sequences, dates) of at least "safely
// unguessable" (score 3 of 4), judged against the person's own name and email too.
import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

/** null when strong enough; else why not, in a sentence for the password field. */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  if (password.trim().length === 0) return "Choose a stronger password: it cannot be only spaces.";
  const result = estimator().check(password, userInputs.filter(Boolean));
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning || "It would be guessed quickly.";
  const tip = result.feedback.suggestions[0] ?? "Use a few unrelated words, or a longer passphrase.";
  return `Choose a stronger password. ${why} ${tip}`.replace(/\s+/g, " ").trim();
}
