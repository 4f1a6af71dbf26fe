/**
 * Demo scenario content for a fresh Branchpoint install (the README's "The demo"). Pure
 * data: no I/O, no imports.
 *
 * Sources are the two seed articles, copied verbatim into db/seed/articles/ so the
 * app works without the shared seed folder:
 *   - russia-investigation.txt   (analysis piece; korybko.substack.com)
 *   - trt-world-kabul-attack.txt (TRT World news article; the "date 2022-09-08"
 *                                 metadata prefix of the seed file is dropped)
 *
 * Every evidence excerpt is a verbatim substring of its article file (checked by
 * tests/unit/seed/demo-content.test.ts). All timestamps are ISO-8601 UTC.
 *
 * Keys are stable identifiers local to this file; the seeder maps them to real ids.
 * Hypothesis keys are globally unique (prefixed with their question number) even
 * though references always name the question too.
 */

export type Reliability = "A" | "B" | "C" | "D" | "E" | "F";
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
export type Consistency = "CC" | "C" | "N" | "I" | "II" | "NA";

export interface DemoContent {
  scenario: { title: string; summary: string; createdAt: string /* ISO UTC */ };
  analysts: { key: string; name: string; email: string }[];
  sources: {
    key: string;
    file: string /* file name in db/seed/articles */;
    title: string;
    publisher: string | null;
    author: string | null;
    publishedAt: string | null;
    url: string | null;
    addedBy: string /* analyst key */;
    addedAt: string;
  }[];
  questions: {
    key: string;
    title: string;
    description: string;
    parent: { question: string; hypothesis: string } | null;
    hypotheses: { key: string; title: string; description: string }[];
    createdBy: string;
    createdAt: string;
  }[];
  outcomes: {
    key: string;
    title: string;
    description: string;
    hypotheses: { question: string; hypothesis: string }[];
    createdAt: string;
  }[];
  evidence: {
    key: string;
    source: string;
    excerpt: string /* VERBATIM substring of the article */;
    summary: string;
    occurredAt: string;
    loggedBy: string;
    loggedAt: string;
    reliability: Reliability;
    credibility: Credibility;
    tags: string[];
  }[];
  ratings: {
    analyst: string;
    evidence: string;
    question: string;
    hypothesis: string;
    consistency: Consistency;
    at: string;
  }[];
  estimates: {
    analyst: string;
    question: string;
    at: string;
    probabilities: Record<string /* hypothesis key */, number>;
    rationale: string;
    evidence: string[];
  }[];
}

// Attack time: Monday 5 September 2022, late morning in Kabul (UTC+4:30). The
// articles give only the day; 06:20Z (~10:50 local) follows contemporary reports.
const ATTACK = "2022-09-05T06:20:00Z";
// The analysis piece carries no date in its text; it references the attack and
// appeared around 7-8 September 2022, so 2022-09-07 is used as its date.
const KORYBKO_DATE = "2022-09-07T00:00:00Z";
// The TRT World article is dated 2022-09-08 (metadata line of the seed file).
const TRT_DATE = "2022-09-08T00:00:00Z";

export const demoContent: DemoContent = {
  scenario: {
    title: "ISIS-K attack on the Russian Embassy in Kabul (5 September 2022)",
    summary:
      "On 5 September 2022 an ISIS-K suicide bomber struck outside the Russian Embassy in Kabul, " +
      "killing two embassy employees and four Afghan civilians. This demo scenario tracks the " +
      "questions Russia's investigation has to answer — insider help from a Taliban faction, the " +
      "role of a foreign intelligence agency, and ISIS-K's aim — and whether the findings lead to " +
      "closer cooperation or growing distrust between Russia and that agency.",
    createdAt: "2022-09-06T08:00:00Z",
  },

  analysts: [
    { key: "ana", name: "Ana Petrova (demo analyst)", email: "ana.petrova@demo.branchpoint.invalid" },
    { key: "ben", name: "Ben Okafor (demo analyst)", email: "ben.okafor@demo.branchpoint.invalid" },
  ],

  sources: [
    {
      key: "src-russia-investigation",
      file: "russia-investigation.txt",
      title: "The Importance Of Russia’s Investigation Into ISIS-K’s Kabul Embassy Attack",
      // Published on korybko.substack.com (Andrew Korybko's newsletter); the text itself
      // only says "the author". No separate publisher is named, so publisher stays null.
      publisher: null,
      author: "Andrew Korybko",
      // No date in the text; ~2022-09-07 (see KORYBKO_DATE).
      publishedAt: KORYBKO_DATE,
      url: "https://korybko.substack.com/p/the-importance-of-russias-investigation",
      addedBy: "ben",
      addedAt: "2022-09-07T15:00:00Z",
    },
    {
      key: "src-trt-world",
      file: "trt-world-kabul-attack.txt",
      // The stored text has no headline; this title is descriptive, not the original one.
      title: "Kabul Russian embassy attack exposes the Taliban's vulnerabilities (TRT World)",
      publisher: "TRT World",
      author: null,
      publishedAt: TRT_DATE,
      url: "https://www.trtworld.com/article/12784856",
      addedBy: "ana",
      addedAt: "2022-09-08T09:00:00Z",
    },
  ],

  questions: [
    {
      key: "q1-insider",
      title: "Did a Taliban faction facilitate the attack from the inside?",
      description:
        "Some have begun to suspect that a Taliban faction helped the bomber reach the queue outside " +
        "the embassy. Knowing which factions can be trusted matters for Russia's security cooperation.",
      parent: null,
      hypotheses: [
        {
          key: "h1-yes",
          title: "Yes: a Taliban faction facilitated the attack",
          description: "Members of a Taliban faction helped from the inside (access, information, or looking away).",
        },
        {
          key: "h1-no",
          title: "No: ISIS-K acted without insider help",
          description: "ISIS-K exploited lax security on its own; no Taliban faction was complicit.",
        },
      ],
      createdBy: "ana",
      createdAt: "2022-09-06T09:00:00Z",
    },
    {
      key: "q2-agency",
      title: "What was a foreign intelligence agency's relation to the attacker?",
      description:
        "A leading Taliban representative vaguely attributed responsibility to foreign intelligence " +
        "agencies. Agencies may have assets inside terrorist networks that act as informants rather " +
        "than proxies.",
      parent: null,
      hypotheses: [
        {
          key: "h2-directed",
          title: "Directed or enabled the attack",
          description: "The agency used the attacker or his network as a proxy, or knowingly enabled the attack.",
        },
        {
          key: "h2-informants",
          title: "Had informants close to the attacker but did not direct the attack",
          description: "The agency had sources near the attacker that acted as informants, not proxies.",
        },
        {
          key: "h2-no-sources",
          title: "Had no sources close to the attacker",
          description: "The agency had no one near the attacker and no foreknowledge.",
        },
      ],
      createdBy: "ben",
      createdAt: "2022-09-07T16:00:00Z",
    },
    {
      key: "q3-not-shared",
      title: "Why was nothing shared with Russia beforehand?",
      description:
        "Given that the agency had informants close to the attacker: why did Russia receive no " +
        "warning ahead of time?",
      parent: { question: "q2-agency", hypothesis: "h2-informants" },
      hypotheses: [
        {
          key: "h3-no-actionable",
          title: "It had no actionable intelligence",
          description: "What the informants reported was too vague to act on.",
        },
        {
          key: "h3-not-credible",
          title: "It did not regard the intelligence as credible",
          description: "It had actionable reporting but judged it not credible.",
        },
        {
          key: "h3-not-in-time",
          title: "It did not receive the intelligence in time",
          description: "Credible, actionable reporting arrived too late to warn Russia.",
        },
        {
          key: "h3-withheld",
          title: "It had actionable, credible, timely intelligence and withheld it",
          description: "The agency chose not to share a usable warning with Russia.",
        },
      ],
      createdBy: "ben",
      createdAt: "2022-09-07T16:05:00Z",
    },
    {
      key: "q4-aim",
      title: "What was ISIS-K's main aim?",
      description:
        "Analysts quoted by TRT World read the attack as aimed at the Taliban's legitimacy, at foreign " +
        "missions in Kabul, or at Russia itself.",
      parent: null,
      hypotheses: [
        {
          key: "h4-delegitimise",
          title: "Delegitimise the Taliban and block its international recognition",
          description: "Show that Taliban control is precarious even in Kabul, so no one should deal with it.",
        },
        {
          key: "h4-deter-missions",
          title: "Deter foreign missions from returning to Kabul",
          description: "Limit the re-introduction of diplomatic missions and so isolate the Taliban.",
        },
        {
          key: "h4-strike-russia",
          title: "Strike Russia itself",
          description: "Russia, not the Taliban or foreign missions in general, was the main target.",
        },
      ],
      createdBy: "ana",
      createdAt: "2022-09-08T10:00:00Z",
    },
  ],

  outcomes: [
    {
      key: "closer-cooperation",
      title: "Closer Russia–agency cooperation",
      description:
        "Russia concludes the agency had no sources close to the attacker, or had informants but " +
        "no actionable intelligence, did not regard it as credible, or did not receive it in time.",
      hypotheses: [
        { question: "q2-agency", hypothesis: "h2-no-sources" },
        { question: "q3-not-shared", hypothesis: "h3-no-actionable" },
        { question: "q3-not-shared", hypothesis: "h3-not-credible" },
        { question: "q3-not-shared", hypothesis: "h3-not-in-time" },
      ],
      createdAt: "2022-09-07T16:10:00Z",
    },
    {
      key: "growing-distrust",
      title: "Growing Russia–agency distrust",
      description:
        "Russia comes to believe the agency directed or enabled the attack, or had actionable, " +
        "credible, timely intelligence and did not share it.",
      hypotheses: [
        { question: "q2-agency", hypothesis: "h2-directed" },
        { question: "q3-not-shared", hypothesis: "h3-withheld" },
      ],
      createdAt: "2022-09-07T16:10:00Z",
    },
  ],

  evidence: [
    // --- from the analysis piece (russia-investigation.txt) ---
    {
      key: "ev-taliban-blames-foreign-intel",
      source: "src-russia-investigation",
      excerpt:
        "Its immediate implications were already addressed by the author, as was the speculation about which foreign intelligence agencies might have been behind it and why following a leading Taliban representative’s vague statement attributing responsibility to such forces.",
      summary:
        "A leading Taliban representative vaguely attributed responsibility for the attack to foreign intelligence agencies, without naming one or giving evidence.",
      occurredAt: KORYBKO_DATE,
      loggedBy: "ben",
      loggedAt: "2022-09-07T15:20:00Z",
      reliability: "D",
      credibility: 6,
      tags: ["foreign-intel", "taliban-statement"],
    },
    {
      key: "ev-insider-suspicion",
      source: "src-russia-investigation",
      excerpt:
        "Russia must also ascertain which Taliban factions might have facilitated this attack from the inside like some have begun to suspect had happened.",
      summary: "Some (unnamed) have begun to suspect that Taliban factions facilitated the attack from the inside.",
      occurredAt: KORYBKO_DATE,
      loggedBy: "ben",
      loggedAt: "2022-09-07T15:30:00Z",
      reliability: "C",
      credibility: 4,
      tags: ["insider"],
    },
    {
      key: "ev-queue-unprotected",
      source: "src-russia-investigation",
      excerpt:
        "The Taliban hadn’t adequately protected those people, which is why ISIS-K regarded them as easy targets.",
      summary: "The Taliban had not adequately protected the Afghans queueing outside the embassy, making them easy targets.",
      occurredAt: ATTACK,
      loggedBy: "ben",
      loggedAt: "2022-09-07T15:40:00Z",
      reliability: "C",
      credibility: 2,
      tags: ["attack-facts", "security-failure"],
    },
    {
      key: "ev-informants-not-proxies",
      source: "src-russia-investigation",
      excerpt:
        "Fourth, just because a foreign intelligence agency might have assets embedded within terrorist networks doesn’t automatically mean that they’re responsible for every attack that such a group carries out since some might just function as informants and not proxies just like Russia’s in Syria do.",
      summary:
        "Agencies' assets inside terrorist networks may be informants rather than proxies; having assets does not imply responsibility for an attack.",
      occurredAt: KORYBKO_DATE,
      loggedBy: "ana",
      loggedAt: "2022-09-14T08:00:00Z",
      reliability: "C",
      credibility: 3,
      tags: ["foreign-intel", "analysis"],
    },
    {
      key: "ev-pakistan-sources-question",
      source: "src-russia-investigation",
      excerpt:
        "Even so, if it’s determined that a non-hostile foreign spy agency like Pakistan’s had sources close to the ISIS-K attacker but didn’t share relevant intel ahead of time, then Russia will naturally wonder why that was.",
      summary:
        "Framing, not a finding: if a non-hostile agency such as Pakistan's had sources close to the attacker but shared nothing, Russia will ask why.",
      occurredAt: KORYBKO_DATE,
      loggedBy: "ana",
      loggedAt: "2022-09-14T08:10:00Z",
      reliability: "C",
      credibility: 6,
      tags: ["foreign-intel", "framing"],
    },

    // --- from the TRT World article (trt-world-kabul-attack.txt) ---
    {
      key: "ev-casualties",
      source: "src-trt-world",
      excerpt:
        "Daesh’s Afghanistan branch (Daesh-K) was quick to claim responsibility. The attack killed two employees of the Russian embassy and four Afghan civilians.",
      summary: "ISIS-K (Daesh-K) quickly claimed the attack, which killed two Russian embassy employees and four Afghan civilians.",
      occurredAt: ATTACK,
      loggedBy: "ana",
      loggedAt: "2022-09-08T09:10:00Z",
      reliability: "B",
      credibility: 2,
      tags: ["attack-facts"],
    },
    {
      key: "ev-amaq-claim",
      source: "src-trt-world",
      excerpt:
        "The details of the attack were published in Daesh’s official news agency Amaq. The suicide bomber was identified as Waqas al Muhajir who detonated his explosives belt at “a gathering of Russian employees and a number of spies and contractors, in addition to members of the Taliban.”",
      summary:
        "Amaq (ISIS's own outlet) named the bomber Waqas al Muhajir and described the target as Russian employees, 'spies and contractors' and Taliban members. 'al Muhajir' ('the emigrant') usually marks a non-local fighter.",
      occurredAt: "2022-09-05T12:00:00Z", // the claim came the same day ("quick to claim"); hour not given
      loggedBy: "ana",
      loggedAt: "2022-09-08T09:15:00Z",
      reliability: "C",
      credibility: 3,
      tags: ["attack-facts", "claim", "isis-k"],
    },
    {
      key: "ev-few-diplomatic-posts",
      source: "src-trt-world",
      excerpt:
        "This time the target was the Russian embassy, one of the few diplomatic posts that have continued to operate in the country since the US withdrawal last year.",
      summary: "The Russian embassy is one of the few diplomatic posts still operating in Kabul since the US withdrawal.",
      occurredAt: ATTACK,
      loggedBy: "ana",
      loggedAt: "2022-09-08T09:20:00Z",
      reliability: "B",
      credibility: 1,
      tags: ["attack-facts", "context"],
    },
    {
      key: "ev-sayed-motive",
      source: "src-trt-world",
      excerpt:
        "Sweden-based security analyst Abdul Sayed, who specialises on terrorism in Afghanistan and Pakistan, says that the motive behind the attack was clear – Daesh wanted to puncture the Taliban spokesperson's recent assurance to Russia and regional actors that Daesh-K posed no threat to its rule.",
      summary:
        "Abdul Sayed: ISIS-K wanted to puncture the Taliban's recent assurance to Russia and regional actors that it posed no threat.",
      occurredAt: TRT_DATE,
      loggedBy: "ana",
      loggedAt: "2022-09-08T09:30:00Z",
      reliability: "B",
      credibility: 3,
      tags: ["motive", "expert-opinion"],
    },
    {
      key: "ev-sayed-warning",
      source: "src-trt-world",
      excerpt:
        "“The group aims to warn both foreign and local political actors through such attacks that Afghanistan, under the control of the Taliban, poses serious threats not only to the people living in the country but also to foreign countries,” Sayed tells TRT World.",
      summary: "Sayed: the attack warns foreign and local actors that Taliban-run Afghanistan threatens foreign countries too.",
      occurredAt: TRT_DATE,
      loggedBy: "ana",
      loggedAt: "2022-09-08T09:35:00Z",
      reliability: "B",
      credibility: 3,
      tags: ["motive", "expert-opinion"],
    },
    {
      key: "ev-former-us-official",
      source: "src-trt-world",
      excerpt:
        "With the attack, Daesh shows that it “wants to destroy and delegitimise the Taliban,” says a former US official who requested anonymity because of his past association with the US government regarding Afghanistan. “This shows it’s not safe to deal with them,” he tells TRT World.",
      summary: "An anonymous former US official: ISIS-K wants to destroy and delegitimise the Taliban and show it is not safe to deal with them.",
      occurredAt: TRT_DATE,
      loggedBy: "ana",
      loggedAt: "2022-09-08T09:40:00Z",
      reliability: "C",
      credibility: 3,
      tags: ["motive", "expert-opinion"],
    },
    {
      key: "ev-moiz-recognition",
      source: "src-trt-world",
      excerpt:
        "“It appears to be a Daesh attempt to show that Taliban control is precarious even in the capital, and thus put further barriers between the Taliban and international recognition,” says Ibrahim Moiz, a political analyst on Afghanistan and the Taliban, referring to the recent attack on the Russian embassy.",
      summary: "Ibrahim Moiz: an attempt to show Taliban control is precarious even in Kabul and to block international recognition.",
      occurredAt: TRT_DATE,
      loggedBy: "ben",
      loggedAt: "2022-09-09T08:00:00Z",
      reliability: "B",
      credibility: 3,
      tags: ["motive", "expert-opinion", "recognition"],
    },
    {
      key: "ev-koskinas-missions",
      source: "src-trt-world",
      excerpt:
        "“One reason for this attack may be to limit the re-introduction of diplomatic missions in Kabul, as the means of isolating the Taliban and denying any inference of legitimacy often associated with the presence of foreign embassies,” says Ioannis Koskinas, a former US military officer stationed in Afghanistan in the past.",
      summary: "Ioannis Koskinas (New America): one reason may be to limit the return of diplomatic missions to Kabul and so isolate the Taliban.",
      occurredAt: TRT_DATE,
      loggedBy: "ben",
      loggedAt: "2022-09-09T08:10:00Z",
      reliability: "B",
      credibility: 3,
      tags: ["motive", "expert-opinion", "diplomatic-missions"],
    },
    {
      key: "ev-baheer-delegations",
      source: "src-trt-world",
      excerpt:
        "“The attack certainly marks the beginning of a new era where foreign delegations would have to return to their pre-August 15th security concerns. Let’s hope it doesn’t discourage delegations from coming to the country,” says Obaidullah Baheer, an Afghan political analyst and a lecturer at the American University in Kabul.",
      summary: "Obaidullah Baheer (AUAF): foreign delegations face pre-August-15 security concerns again; it may discourage them from coming.",
      occurredAt: TRT_DATE,
      loggedBy: "ben",
      loggedAt: "2022-09-12T10:00:00Z",
      reliability: "B",
      credibility: 4,
      tags: ["motive", "expert-opinion", "diplomatic-missions"],
    },
  ],

  ratings: [
    // ---------- Q1: insider help ----------
    // Ana
    { analyst: "ana", evidence: "ev-insider-suspicion", question: "q1-insider", hypothesis: "h1-yes", consistency: "C", at: "2022-09-08T11:00:00Z" },
    { analyst: "ana", evidence: "ev-insider-suspicion", question: "q1-insider", hypothesis: "h1-no", consistency: "N", at: "2022-09-08T11:00:00Z" },
    { analyst: "ana", evidence: "ev-queue-unprotected", question: "q1-insider", hypothesis: "h1-yes", consistency: "N", at: "2022-09-08T11:05:00Z" },
    { analyst: "ana", evidence: "ev-queue-unprotected", question: "q1-insider", hypothesis: "h1-no", consistency: "C", at: "2022-09-08T11:05:00Z" },
    { analyst: "ana", evidence: "ev-amaq-claim", question: "q1-insider", hypothesis: "h1-yes", consistency: "I", at: "2022-09-08T11:10:00Z" },
    { analyst: "ana", evidence: "ev-amaq-claim", question: "q1-insider", hypothesis: "h1-no", consistency: "C", at: "2022-09-08T11:10:00Z" },
    { analyst: "ana", evidence: "ev-casualties", question: "q1-insider", hypothesis: "h1-yes", consistency: "N", at: "2022-09-08T11:15:00Z" },
    { analyst: "ana", evidence: "ev-casualties", question: "q1-insider", hypothesis: "h1-no", consistency: "N", at: "2022-09-08T11:15:00Z" },
    { analyst: "ana", evidence: "ev-taliban-blames-foreign-intel", question: "q1-insider", hypothesis: "h1-yes", consistency: "N", at: "2022-09-08T11:20:00Z" },
    { analyst: "ana", evidence: "ev-taliban-blames-foreign-intel", question: "q1-insider", hypothesis: "h1-no", consistency: "N", at: "2022-09-08T11:20:00Z" },
    // Ana changes her mind: the suspicion is unsourced, so it no longer counts for "yes".
    { analyst: "ana", evidence: "ev-insider-suspicion", question: "q1-insider", hypothesis: "h1-yes", consistency: "N", at: "2022-09-15T09:45:00Z" },
    // Ben
    { analyst: "ben", evidence: "ev-insider-suspicion", question: "q1-insider", hypothesis: "h1-yes", consistency: "C", at: "2022-09-07T16:30:00Z" },
    { analyst: "ben", evidence: "ev-insider-suspicion", question: "q1-insider", hypothesis: "h1-no", consistency: "I", at: "2022-09-07T16:30:00Z" },
    { analyst: "ben", evidence: "ev-taliban-blames-foreign-intel", question: "q1-insider", hypothesis: "h1-yes", consistency: "C", at: "2022-09-07T16:35:00Z" },
    { analyst: "ben", evidence: "ev-taliban-blames-foreign-intel", question: "q1-insider", hypothesis: "h1-no", consistency: "N", at: "2022-09-07T16:35:00Z" },
    { analyst: "ben", evidence: "ev-queue-unprotected", question: "q1-insider", hypothesis: "h1-yes", consistency: "C", at: "2022-09-07T16:40:00Z" },
    { analyst: "ben", evidence: "ev-queue-unprotected", question: "q1-insider", hypothesis: "h1-no", consistency: "C", at: "2022-09-07T16:40:00Z" },
    { analyst: "ben", evidence: "ev-amaq-claim", question: "q1-insider", hypothesis: "h1-yes", consistency: "N", at: "2022-09-09T09:00:00Z" },
    { analyst: "ben", evidence: "ev-amaq-claim", question: "q1-insider", hypothesis: "h1-no", consistency: "C", at: "2022-09-09T09:00:00Z" },

    // ---------- Q2: foreign agency's relation to the attacker ----------
    // Ana
    { analyst: "ana", evidence: "ev-taliban-blames-foreign-intel", question: "q2-agency", hypothesis: "h2-directed", consistency: "C", at: "2022-09-08T11:30:00Z" },
    { analyst: "ana", evidence: "ev-taliban-blames-foreign-intel", question: "q2-agency", hypothesis: "h2-informants", consistency: "N", at: "2022-09-08T11:30:00Z" },
    { analyst: "ana", evidence: "ev-taliban-blames-foreign-intel", question: "q2-agency", hypothesis: "h2-no-sources", consistency: "I", at: "2022-09-08T11:30:00Z" },
    { analyst: "ana", evidence: "ev-sayed-motive", question: "q2-agency", hypothesis: "h2-directed", consistency: "N", at: "2022-09-08T11:35:00Z" },
    { analyst: "ana", evidence: "ev-sayed-motive", question: "q2-agency", hypothesis: "h2-informants", consistency: "N", at: "2022-09-08T11:35:00Z" },
    { analyst: "ana", evidence: "ev-sayed-motive", question: "q2-agency", hypothesis: "h2-no-sources", consistency: "C", at: "2022-09-08T11:35:00Z" },
    { analyst: "ana", evidence: "ev-informants-not-proxies", question: "q2-agency", hypothesis: "h2-directed", consistency: "N", at: "2022-09-14T08:30:00Z" },
    { analyst: "ana", evidence: "ev-informants-not-proxies", question: "q2-agency", hypothesis: "h2-informants", consistency: "C", at: "2022-09-14T08:30:00Z" },
    { analyst: "ana", evidence: "ev-informants-not-proxies", question: "q2-agency", hypothesis: "h2-no-sources", consistency: "N", at: "2022-09-14T08:30:00Z" },
    // Ben
    { analyst: "ben", evidence: "ev-taliban-blames-foreign-intel", question: "q2-agency", hypothesis: "h2-directed", consistency: "N", at: "2022-09-07T16:45:00Z" },
    { analyst: "ben", evidence: "ev-taliban-blames-foreign-intel", question: "q2-agency", hypothesis: "h2-informants", consistency: "N", at: "2022-09-07T16:45:00Z" },
    { analyst: "ben", evidence: "ev-taliban-blames-foreign-intel", question: "q2-agency", hypothesis: "h2-no-sources", consistency: "N", at: "2022-09-07T16:45:00Z" },
    { analyst: "ben", evidence: "ev-sayed-motive", question: "q2-agency", hypothesis: "h2-directed", consistency: "I", at: "2022-09-09T09:10:00Z" },
    { analyst: "ben", evidence: "ev-sayed-motive", question: "q2-agency", hypothesis: "h2-informants", consistency: "N", at: "2022-09-09T09:10:00Z" },
    { analyst: "ben", evidence: "ev-sayed-motive", question: "q2-agency", hypothesis: "h2-no-sources", consistency: "C", at: "2022-09-09T09:10:00Z" },
    { analyst: "ben", evidence: "ev-informants-not-proxies", question: "q2-agency", hypothesis: "h2-directed", consistency: "N", at: "2022-09-16T10:30:00Z" },
    { analyst: "ben", evidence: "ev-informants-not-proxies", question: "q2-agency", hypothesis: "h2-informants", consistency: "N", at: "2022-09-16T10:30:00Z" },
    { analyst: "ben", evidence: "ev-informants-not-proxies", question: "q2-agency", hypothesis: "h2-no-sources", consistency: "N", at: "2022-09-16T10:30:00Z" },
    // Ben changes his mind: ISIS-K having its own motive does not rule out a sponsor.
    { analyst: "ben", evidence: "ev-sayed-motive", question: "q2-agency", hypothesis: "h2-directed", consistency: "N", at: "2022-09-16T10:40:00Z" },

    // ---------- Q4: ISIS-K's main aim ----------
    // Ana
    { analyst: "ana", evidence: "ev-sayed-motive", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "CC", at: "2022-09-08T11:45:00Z" },
    { analyst: "ana", evidence: "ev-sayed-motive", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "N", at: "2022-09-08T11:45:00Z" },
    { analyst: "ana", evidence: "ev-sayed-motive", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "I", at: "2022-09-08T11:45:00Z" },
    { analyst: "ana", evidence: "ev-sayed-warning", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "C", at: "2022-09-08T11:50:00Z" },
    { analyst: "ana", evidence: "ev-sayed-warning", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "C", at: "2022-09-08T11:50:00Z" },
    { analyst: "ana", evidence: "ev-sayed-warning", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "N", at: "2022-09-08T11:50:00Z" },
    { analyst: "ana", evidence: "ev-former-us-official", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "CC", at: "2022-09-08T11:55:00Z" },
    { analyst: "ana", evidence: "ev-former-us-official", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "C", at: "2022-09-08T11:55:00Z" },
    { analyst: "ana", evidence: "ev-former-us-official", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "I", at: "2022-09-08T11:55:00Z" },
    { analyst: "ana", evidence: "ev-amaq-claim", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "C", at: "2022-09-08T11:58:00Z" },
    { analyst: "ana", evidence: "ev-amaq-claim", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "N", at: "2022-09-08T11:58:00Z" },
    { analyst: "ana", evidence: "ev-amaq-claim", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "C", at: "2022-09-08T11:58:00Z" },
    { analyst: "ana", evidence: "ev-moiz-recognition", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "CC", at: "2022-09-09T11:30:00Z" },
    { analyst: "ana", evidence: "ev-moiz-recognition", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "N", at: "2022-09-09T11:30:00Z" },
    { analyst: "ana", evidence: "ev-moiz-recognition", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "I", at: "2022-09-09T11:30:00Z" },
    { analyst: "ana", evidence: "ev-koskinas-missions", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "C", at: "2022-09-09T11:35:00Z" },
    { analyst: "ana", evidence: "ev-koskinas-missions", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "CC", at: "2022-09-09T11:35:00Z" },
    { analyst: "ana", evidence: "ev-koskinas-missions", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "I", at: "2022-09-09T11:35:00Z" },
    { analyst: "ana", evidence: "ev-baheer-delegations", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "N", at: "2022-09-22T08:30:00Z" },
    { analyst: "ana", evidence: "ev-baheer-delegations", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "C", at: "2022-09-22T08:30:00Z" },
    { analyst: "ana", evidence: "ev-baheer-delegations", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "N", at: "2022-09-22T08:30:00Z" },
    // Ben
    { analyst: "ben", evidence: "ev-amaq-claim", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "N", at: "2022-09-08T14:30:00Z" },
    { analyst: "ben", evidence: "ev-amaq-claim", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "N", at: "2022-09-08T14:30:00Z" },
    { analyst: "ben", evidence: "ev-amaq-claim", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "CC", at: "2022-09-08T14:30:00Z" },
    { analyst: "ben", evidence: "ev-few-diplomatic-posts", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "C", at: "2022-09-08T14:35:00Z" },
    { analyst: "ben", evidence: "ev-few-diplomatic-posts", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "C", at: "2022-09-08T14:35:00Z" },
    { analyst: "ben", evidence: "ev-few-diplomatic-posts", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "C", at: "2022-09-08T14:35:00Z" },
    { analyst: "ben", evidence: "ev-sayed-motive", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "C", at: "2022-09-08T14:40:00Z" },
    { analyst: "ben", evidence: "ev-sayed-motive", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "N", at: "2022-09-08T14:40:00Z" },
    { analyst: "ben", evidence: "ev-sayed-motive", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "N", at: "2022-09-08T14:40:00Z" },
    { analyst: "ben", evidence: "ev-moiz-recognition", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "CC", at: "2022-09-09T09:40:00Z" },
    { analyst: "ben", evidence: "ev-moiz-recognition", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "C", at: "2022-09-09T09:40:00Z" },
    { analyst: "ben", evidence: "ev-moiz-recognition", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "N", at: "2022-09-09T09:40:00Z" },
    { analyst: "ben", evidence: "ev-koskinas-missions", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "C", at: "2022-09-09T09:45:00Z" },
    { analyst: "ben", evidence: "ev-koskinas-missions", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "CC", at: "2022-09-09T09:45:00Z" },
    { analyst: "ben", evidence: "ev-koskinas-missions", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "I", at: "2022-09-09T09:45:00Z" },
    { analyst: "ben", evidence: "ev-baheer-delegations", question: "q4-aim", hypothesis: "h4-delegitimise", consistency: "N", at: "2022-09-12T10:30:00Z" },
    { analyst: "ben", evidence: "ev-baheer-delegations", question: "q4-aim", hypothesis: "h4-deter-missions", consistency: "CC", at: "2022-09-12T10:30:00Z" },
    { analyst: "ben", evidence: "ev-baheer-delegations", question: "q4-aim", hypothesis: "h4-strike-russia", consistency: "N", at: "2022-09-12T10:30:00Z" },
  ],

  estimates: [
    // ---------- Q1: insider help ----------
    {
      analyst: "ana",
      question: "q1-insider",
      at: "2022-09-06T14:00:00Z",
      probabilities: { "h1-yes": 0.25, "h1-no": 0.75 },
      rationale:
        "Initial prior from the first news reports, before any evidence was logged: ISIS-K has carried out suicide attacks in Kabul without known insider help, but an embassy queue is a guarded site.",
      evidence: [],
    },
    {
      analyst: "ana",
      question: "q1-insider",
      at: "2022-09-08T12:00:00Z",
      probabilities: { "h1-yes": 0.2, "h1-no": 0.8 },
      rationale:
        "The queue was simply left unprotected, which needs no insider, and Amaq counts Taliban members among the targets; the insider suspicion is so far unsourced.",
      evidence: ["ev-queue-unprotected", "ev-amaq-claim", "ev-insider-suspicion"],
    },
    {
      analyst: "ana",
      question: "q1-insider",
      at: "2022-09-15T10:00:00Z",
      probabilities: { "h1-yes": 0.15, "h1-no": 0.85 },
      rationale:
        "A week on, nobody has put a name or detail to the insider suspicion, so I no longer count it for 'yes'; lax security explains the attack well enough.",
      evidence: ["ev-insider-suspicion", "ev-queue-unprotected"],
    },
    {
      analyst: "ben",
      question: "q1-insider",
      at: "2022-09-07T17:00:00Z",
      probabilities: { "h1-yes": 0.4, "h1-no": 0.6 },
      rationale:
        "Suspicion of insiders is already circulating, and the Taliban's quick move to blame foreign agencies looks like deflection from its own ranks.",
      evidence: ["ev-insider-suspicion", "ev-taliban-blames-foreign-intel"],
    },
    {
      analyst: "ben",
      question: "q1-insider",
      at: "2022-09-09T09:30:00Z",
      probabilities: { "h1-yes": 0.35, "h1-no": 0.65 },
      rationale:
        "Amaq describes Taliban members among the targets, which fits ISIS-K acting alone; an unprotected queue needed no help from inside.",
      evidence: ["ev-amaq-claim", "ev-queue-unprotected"],
    },
    {
      analyst: "ben",
      question: "q1-insider",
      at: "2022-09-20T09:00:00Z",
      probabilities: { "h1-yes": 0.3, "h1-no": 0.7 },
      rationale:
        "Two weeks in, the insider suspicion is still uncorroborated, though the Taliban's foreign-intelligence line still reads like blame-shifting.",
      evidence: ["ev-insider-suspicion", "ev-taliban-blames-foreign-intel"],
    },

    // ---------- Q2: foreign agency's relation to the attacker ----------
    {
      analyst: "ana",
      question: "q2-agency",
      at: "2022-09-08T12:30:00Z",
      probabilities: { "h2-directed": 0.15, "h2-informants": 0.35, "h2-no-sources": 0.5 },
      rationale:
        "The Taliban's attribution to foreign intelligence is vague and self-serving; Sayed's account gives ISIS-K a motive of its own, so no agency link is needed to explain the attack.",
      evidence: ["ev-taliban-blames-foreign-intel", "ev-sayed-motive"],
    },
    {
      analyst: "ana",
      question: "q2-agency",
      at: "2022-09-15T10:30:00Z",
      probabilities: { "h2-directed": 0.12, "h2-informants": 0.51, "h2-no-sources": 0.37 },
      rationale:
        "Regional agencies routinely keep informants inside such networks without directing their attacks, so 'had informants' is now my most likely answer.",
      evidence: ["ev-informants-not-proxies", "ev-pakistan-sources-question"],
    },
    {
      analyst: "ben",
      question: "q2-agency",
      at: "2022-09-09T09:30:00Z",
      probabilities: { "h2-directed": 0.2, "h2-informants": 0.3, "h2-no-sources": 0.5 },
      rationale:
        "Sayed's reading gives ISIS-K ample motive of its own; the Taliban's foreign-intelligence claim names nobody and adds little.",
      evidence: ["ev-sayed-motive", "ev-taliban-blames-foreign-intel"],
    },
    {
      analyst: "ben",
      question: "q2-agency",
      at: "2022-09-16T11:00:00Z",
      probabilities: { "h2-directed": 0.25, "h2-informants": 0.3, "h2-no-sources": 0.45 },
      rationale:
        "On reflection ISIS-K having its own motive does not exclude a sponsor, and assets embedded in the network are plausible; I move some weight off 'no sources'.",
      evidence: ["ev-sayed-motive", "ev-informants-not-proxies"],
    },

    // ---------- Q3 (given "had informants"): why nothing was shared ----------
    {
      analyst: "ana",
      question: "q3-not-shared",
      at: "2022-09-15T11:00:00Z",
      probabilities: { "h3-no-actionable": 0.4, "h3-not-credible": 0.2, "h3-not-in-time": 0.15, "h3-withheld": 0.25 },
      rationale:
        "Informants, not proxies, usually report fragments; the likeliest reason nothing reached Russia is that there was nothing actionable, though withholding cannot be ruled out.",
      evidence: ["ev-informants-not-proxies", "ev-pakistan-sources-question"],
    },
    {
      analyst: "ben",
      question: "q3-not-shared",
      at: "2022-09-16T11:30:00Z",
      probabilities: { "h3-no-actionable": 0.3, "h3-not-credible": 0.2, "h3-not-in-time": 0.15, "h3-withheld": 0.35 },
      rationale:
        "If an agency had sources near the bomber, a deliberate choice not to warn Russia is as likely as a lack of usable intelligence; the Taliban's hints point the same way.",
      evidence: ["ev-pakistan-sources-question", "ev-taliban-blames-foreign-intel"],
    },

    // ---------- Q4: ISIS-K's main aim ----------
    {
      analyst: "ana",
      question: "q4-aim",
      at: "2022-09-08T12:15:00Z",
      probabilities: { "h4-delegitimise": 0.6, "h4-deter-missions": 0.25, "h4-strike-russia": 0.15 },
      rationale:
        "Sayed and the former US official both read the attack as aimed at the Taliban's credibility with Russia and others rather than at Russia as such.",
      evidence: ["ev-sayed-motive", "ev-sayed-warning", "ev-former-us-official"],
    },
    {
      analyst: "ana",
      question: "q4-aim",
      at: "2022-09-09T12:00:00Z",
      probabilities: { "h4-delegitimise": 0.58, "h4-deter-missions": 0.3, "h4-strike-russia": 0.12 },
      rationale:
        "Moiz confirms the recognition angle, while Koskinas makes a good case for deterring the return of missions; Russia as the target in itself looks less likely.",
      evidence: ["ev-moiz-recognition", "ev-koskinas-missions"],
    },
    {
      analyst: "ana",
      question: "q4-aim",
      at: "2022-09-22T09:00:00Z",
      probabilities: { "h4-delegitimise": 0.55, "h4-deter-missions": 0.33, "h4-strike-russia": 0.12 },
      rationale:
        "Baheer expects delegations to face renewed security worries, which supports the deterrence reading somewhat.",
      evidence: ["ev-baheer-delegations"],
    },
    {
      analyst: "ben",
      question: "q4-aim",
      at: "2022-09-08T15:00:00Z",
      probabilities: { "h4-delegitimise": 0.4, "h4-deter-missions": 0.25, "h4-strike-russia": 0.35 },
      rationale:
        "Amaq's claim puts 'Russian employees' and 'spies' first among the targets, and Russia was one of the few missions still open, so Russia itself is a serious candidate.",
      evidence: ["ev-amaq-claim", "ev-few-diplomatic-posts"],
    },
    {
      analyst: "ben",
      question: "q4-aim",
      at: "2022-09-09T10:00:00Z",
      probabilities: { "h4-delegitimise": 0.45, "h4-deter-missions": 0.32, "h4-strike-russia": 0.23 },
      rationale:
        "Moiz and Koskinas both tie the attack to the Taliban's isolation and recognition, pulling weight away from Russia as the main target.",
      evidence: ["ev-moiz-recognition", "ev-koskinas-missions"],
    },
    {
      analyst: "ben",
      question: "q4-aim",
      at: "2022-09-12T11:00:00Z",
      probabilities: { "h4-delegitimise": 0.42, "h4-deter-missions": 0.38, "h4-strike-russia": 0.2 },
      rationale:
        "Baheer's point that delegations face pre-August-15 security concerns again strengthens the deterrence reading.",
      evidence: ["ev-baheer-delegations"],
    },
    {
      analyst: "ben",
      question: "q4-aim",
      at: "2022-09-25T09:00:00Z",
      probabilities: { "h4-delegitimise": 0.45, "h4-deter-missions": 0.35, "h4-strike-russia": 0.2 },
      rationale:
        "Re-reading Sayed and the former US official, the warning is addressed to everyone dealing with the Taliban; delegitimisation stays my leading answer.",
      evidence: ["ev-sayed-warning", "ev-former-us-official"],
    },
  ],
};
