//! The glossary of pbsm's terms: shown in the Help menu's glossary window, and on hover wherever
//! a term is a section or a field label in a pane.

/// One term of the method and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The term.
    pub term: &'static str,
    /// Other words the panes use for it (plural, a section title).
    pub also: &'static [&'static str],
    /// What it means in pbsm, in a few sentences.
    pub meaning: &'static str,
}

/// Every term, in the order of the method's steps.
pub const GLOSSARY: &[Entry] = &[
    Entry {
        term: "Social media affinity",
        also: &["Market affinity", "Topics and affinity", "Affinity"],
        meaning: "How far social media can influence a market or a topic: what people think, share and buy. Judged for the market as a whole and for each topic (step 1).",
    },
    Entry {
        term: "Business model module",
        also: &["Business model modules", "Module", "Modules"],
        meaning: "A part of the company's business model (value proposition, customer segments, channels, relationships, revenue, key resources, activities, partners, costs). Potentials and benefits are judged per module.",
    },
    Entry {
        term: "Performance potential",
        also: &["Social media performance potential"],
        meaning: "What social media can do for this company: its usage formats, impact formats, the change potential per module and the user benefits (step 2).",
    },
    Entry {
        term: "Usage format",
        also: &["Usage formats"],
        meaning: "A basic way social media is used: Audience (reach an audience with content), Community (people around a shared topic, dialogue among users), Social network (relationships between users), and combinations such as audience with dialogue. Each has its own performance, prerequisites, criteria, risks and competitive quality.",
    },
    Entry {
        term: "Impact format",
        also: &["Impact formats"],
        meaning: "How social media has its effect: network effect, information, social context (also communication and user benefit).",
    },
    Entry {
        term: "Change potential",
        also: &["Potential", "Potential types"],
        meaning: "What social media does to the business model and each module, of four types: support (it helps the module), change (it changes how the module works), destruction (it threatens the module), creation (it enables a new one). A potential is used or deliberately set aside, and the strategy check asks for both.",
    },
    Entry {
        term: "User benefit",
        also: &["User benefits"],
        meaning: "The benefit the user gets: not the product's benefit and not the company's. It is the engine of a social media strategy, and it is what competes: users compare it with what competitors of both kinds offer them.",
    },
    Entry {
        term: "Corporate benefit",
        also: &[
            "Company benefit",
            "Benefit",
            "Benefits",
            "Corporate benefits",
        ],
        meaning: "What the company gets from social media, per business-model module, with its social media relevance, its change potential, its opportunities and its risks (step 3).",
    },
    Entry {
        term: "Competitive quality",
        also: &[],
        meaning: "How strong and lasting a position is against competitors. For a usage format: how well a position built on it holds. For an alternative: is an advantage created, on which topics, against which competitor, for how long, structural or temporary. Catching up (parity) is not an advantage.",
    },
    Entry {
        term: "Performance competitor",
        also: &["Performance competitors"],
        meaning: "A competitor with a similar offer, in the same market.",
    },
    Entry {
        term: "Attention competitor",
        also: &["Attention competitors"],
        meaning: "Anyone competing for the same users' attention, often outside the industry (a magazine, an influencer, a game). A position needs performance above theirs too.",
    },
    Entry {
        term: "Competitors",
        also: &["Competition", "Competitive situation"],
        meaning: "pbsm knows two kinds: performance competitors (similar offers) and attention competitors (anyone competing for the same users' attention). Knowing them is not enough: a position needs performance above theirs; catching up is not a strategy (step 4).",
    },
    Entry {
        term: "Option for action",
        also: &["Options for action", "Options", "Option"],
        meaning: "A possible move, derived in a fixed order: topic → user benefit → usage format → participation → motivation → channels. It states the performance it requires, its priority, its relevance and its competitive assessment (step 5).",
    },
    Entry {
        term: "Competitive assessment",
        also: &["Assessment"],
        meaning: "The method's three levels for an option: leading position (performance above the competitors'), parity with competitors, weaker position.",
    },
    Entry {
        term: "Strategy alternative",
        also: &["Strategy alternatives", "Alternatives", "Alternative"],
        meaning: "A bundle of options with their priorities, evaluated on competitive quality, risks (assumptions and prerequisites), resources, goal contribution and strategic quality. About three reach the final choice, which is management's (step 6).",
    },
    Entry {
        term: "Strategy components",
        also: &["14 strategy components", "Components"],
        meaning: "The 14 success factors a complete strategy says something about. Core: user benefit, company benefit, usage formats, topics, participation, motivation, channels. Others: target groups, reach, competition, communication, goals, resources, assumptions and prerequisites.",
    },
    Entry {
        term: "Strategy check",
        also: &[],
        meaning: "Every decision documented and traceable: the potential used and the potential deliberately not used, the benefit, the options, the assumptions, the resources and the competitive risks. Also a periodic audit of a running strategy.",
    },
    Entry {
        term: "Assumptions and prerequisites",
        also: &["Assumptions", "Assumption", "Prerequisite"],
        meaning: "What must hold true (an assumption), be in place (a prerequisite) or stay as it is outside the company's control (a framework condition) for a strategy to work. Strategy management monitors them; a broken one is a trigger to adapt.",
    },
    Entry {
        term: "Strategy management",
        also: &[],
        meaning: "Steering the implementation: benefits built into business processes, results watched through KPIs, assumptions and the competitive situation monitored, the strategy adapted or a follow-up strategy started, with the reason recorded (step 7).",
    },
    Entry {
        term: "KPI health",
        also: &["KPIs"],
        meaning: "The progress the latest actual made from the baseline, against the progress planned by its date (the straight line from baseline to target, or through the milestones): on track from 95 % of the planned progress by default, behind from 85 %, at risk below or when it moved the wrong way. A KPI is judged at its measurements only; without one it is not measured yet until its first measurement is due (monthly, quarterly or yearly), then overdue.",
    },
    Entry {
        term: "Pareto dominance",
        also: &["Dominated", "Pareto"],
        meaning: "An alternative is dominated when another is at least as good on every criterion and better on one. A dominated alternative should not be presented as decision-ready.",
    },
    Entry {
        term: "AHP",
        also: &["Pairwise (AHP)", "Pairwise comparison"],
        meaning: "Analytic hierarchy process: weights from judging each pair of criteria on the 1–9 scale. A consistency ratio above 0.10 means the judgments contradict each other: revisit them.",
    },
    Entry {
        term: "Sensitivity",
        also: &["Rank reversal"],
        meaning: "How far each weight can move before another alternative takes first place. A winner with under 10 % lead, or whose rank flips with a one-point change, is a close call.",
    },
    Entry {
        term: "Robustness",
        also: &["Rank acceptability"],
        meaning: "Monte Carlo draws of the uncertain scores (low, likely, high): the share of draws in which each alternative takes each rank.",
    },
    Entry {
        term: "Best case",
        also: &["Best practice", "Best case vs best practice"],
        meaning: "A success story is material to analyse, not a template to copy: what worked there may fail here. The samples are worked examples of the method, not best practice.",
    },
    Entry {
        term: "POST",
        also: &[],
        meaning: "People, Objectives, Strategy, Technology: the common planning frame the method sets itself against. It plans campaigns and channels, not competitive position and business benefit.",
    },
];

/// The entry for a term or one of its other words (case does not matter).
pub fn lookup(words: &str) -> Option<&'static Entry> {
    let words = words.trim();
    GLOSSARY.iter().find(|e| {
        e.term.eq_ignore_ascii_case(words) || e.also.iter().any(|a| a.eq_ignore_ascii_case(words))
    })
}

/// The entries whose term, other words or meaning contain every word of the query.
pub fn search(query: &str) -> Vec<&'static Entry> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    GLOSSARY
        .iter()
        .filter(|e| {
            let text = format!("{} {} {}", e.term, e.also.join(" "), e.meaning).to_lowercase();
            words.iter().all(|w| text.contains(w))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_found_by_any_of_their_words_and_each_word_names_one_term() {
        assert_eq!(
            lookup("usage formats").map(|e| e.term),
            Some("Usage format")
        );
        assert_eq!(lookup("Pairwise (AHP)").map(|e| e.term), Some("AHP"));
        assert_eq!(
            lookup("Attention competitors").map(|e| e.term),
            Some("Attention competitor")
        );
        assert!(lookup("Budget").is_none());
        let mut seen = std::collections::HashSet::new();
        for e in GLOSSARY {
            for word in std::iter::once(&e.term).chain(e.also) {
                assert!(seen.insert(word.to_lowercase()), "“{word}” names two terms");
            }
        }
    }

    #[test]
    fn the_issue_s_terms_are_all_explained() {
        for term in [
            "Change potential",
            "Usage format",
            "Impact format",
            "Performance competitor",
            "Attention competitor",
            "User benefit",
            "Corporate benefit",
            "Strategy components",
            "POST",
            "Best case",
        ] {
            assert!(lookup(term).is_some(), "{term}");
        }
        assert_eq!(search("destruction creation").len(), 1);
        assert_eq!(search("").len(), GLOSSARY.len());
    }
}
