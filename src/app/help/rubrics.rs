//! What the values of each 0–10 rating mean: a short rubric (what a 2, a 5 and an 8 look like)
//! that every score slider shows on hover, so a room rates on the same scale.

/// A 0–10 rating of the method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rating {
    /// Social media affinity of the market (step 1).
    MarketAffinity,
    /// Social media affinity of a topic (step 1).
    TopicAffinity,
    /// Competitive quality of a usage format (step 2).
    UsageFormatQuality,
    /// Strength of a change potential (step 2).
    PotentialStrength,
    /// Strength of a user benefit against the competitors' offer (step 2).
    UserBenefitStrength,
    /// Relevance of an impact format (step 2).
    ImpactRelevance,
    /// Social media relevance of a corporate benefit (step 3).
    BenefitRelevance,
    /// Social media relevance of an option for action (step 5).
    OptionRelevance,
    /// Strength of a player in one arena of the competition matrix (step 4).
    ArenaStrength,
    /// Competitive quality of a strategy alternative (step 6).
    AlternativeQuality,
    /// Risk of a strategy alternative (step 6).
    AlternativeRisk,
    /// Goal contribution of a strategy alternative (step 6).
    GoalContribution,
    /// Strategic quality of a strategy alternative (step 6).
    StrategicQuality,
    /// A score on a criterion of the user's own (decision).
    OwnScore,
    /// How well an implementation measure is done (step 8).
    MeasureQuality,
}

/// What a rating measures and what three points of its scale look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rubric {
    /// What is rated, in a sentence.
    pub rates: &'static str,
    /// What a 2 looks like.
    pub low: &'static str,
    /// What a 5 looks like.
    pub middle: &'static str,
    /// What an 8 looks like.
    pub high: &'static str,
}

impl Rating {
    /// Every rating.
    pub const ALL: [Self; 15] = [
        Self::MarketAffinity,
        Self::TopicAffinity,
        Self::UsageFormatQuality,
        Self::PotentialStrength,
        Self::UserBenefitStrength,
        Self::ImpactRelevance,
        Self::BenefitRelevance,
        Self::OptionRelevance,
        Self::ArenaStrength,
        Self::AlternativeQuality,
        Self::AlternativeRisk,
        Self::GoalContribution,
        Self::StrategicQuality,
        Self::OwnScore,
        Self::MeasureQuality,
    ];

    /// The rating's rubric.
    pub fn rubric(self) -> Rubric {
        let (rates, low, middle, high) = match self {
            Self::MarketAffinity => (
                "How far social media can influence what people in this market think and buy.",
                "Purchases follow tenders, contracts or rules; hardly anyone talks about them online.",
                "People compare and ask for advice online, but decide elsewhere (in the shop, in a sales talk).",
                "Recommendations, reviews and shared experience online decide what people buy.",
            ),
            Self::TopicAffinity => (
                "How far social media can influence opinion and behaviour on this topic.",
                "Rarely shared or searched for on social media.",
                "Discussed now and then; a part of the audience follows it.",
                "A topic people share, search and argue about every day.",
            ),
            Self::UsageFormatQuality => (
                "How well a position built on this usage format holds against competitors.",
                "Anyone can copy it within weeks (paid reach, a new account).",
                "Competitors need months and real effort to match it.",
                "It grows with use (a community, a network) and cannot be bought or copied quickly.",
            ),
            Self::PotentialStrength => (
                "How strongly social media supports, changes, threatens or creates this module.",
                "A marginal effect: the module works as before.",
                "A noticeable effect on how the module works or what it earns.",
                "The module's future depends on it.",
            ),
            Self::UserBenefitStrength => (
                "The benefit users get from us against what performance and attention competitors offer them. The user benefit is what competes.",
                "Competitors offer these users clearly more.",
                "About what the competitors offer: parity, which is not an advantage.",
                "Clearly more than any competitor offers these users.",
            ),
            Self::ImpactRelevance => (
                "How much this impact format (network effect, information, social context) matters for the strategy.",
                "Hardly plays a role here.",
                "Contributes, but is not what makes the strategy work.",
                "The strategy works through it.",
            ),
            Self::BenefitRelevance => (
                "How much social media matters for realising this benefit of the module.",
                "The benefit is reached just as well without social media.",
                "Social media helps noticeably; other means do most of it.",
                "The benefit is reached mainly or only through social media.",
            ),
            Self::OptionRelevance => (
                "How much this option contributes to the benefits and goals it serves.",
                "A nice-to-have: little would be missed without it.",
                "Contributes noticeably to one benefit.",
                "Central: several benefits or a main goal depend on it.",
            ),
            Self::ArenaStrength => (
                "A player's performance in this arena (topic, usage format), as the users see it: ours or a competitor's.",
                "Weak: users hardly notice the player here.",
                "Solid, like most players.",
                "The benchmark the others are measured against.",
            ),
            Self::AlternativeQuality => (
                "How strong and lasting the advantage this alternative creates is: on which topics, against which competitors (performance and attention), how long, structural or temporary. Catching up (parity) is not an advantage.",
                "No advantage: at best it catches up with the competitors.",
                "A temporary advantage on some topics that competitors can copy within a year.",
                "A structural advantage on its key topics against both kinds of competitor, lasting years.",
            ),
            Self::AlternativeRisk => (
                "How likely the alternative fails: its assumptions and prerequisites, and the risks of its usage formats (0 = none, 10 = very likely).",
                "A proven approach; its assumptions are checked and hold.",
                "Some untested assumptions; a failure would cost time, not the strategy.",
                "It rests on assumptions nobody has tested, or on a prerequisite that is not in place.",
            ),
            Self::GoalContribution => (
                "How much the alternative contributes to the company goals and the social media goals.",
                "It touches one minor goal.",
                "It serves some goals noticeably.",
                "It serves the main goals directly and measurably.",
            ),
            Self::StrategicQuality => (
                "How well the alternative fits the business model and the company's abilities, and how far it carries into the future.",
                "An isolated action that fits poorly and leads nowhere after.",
                "It fits, and leaves something to build on.",
                "It fits the business model closely and opens the next steps.",
            ),
            Self::OwnScore => (
                "The alternative's value on a criterion of your own, on the 0–10 scale.",
                "Poor on this criterion.",
                "Average.",
                "Strong on this criterion.",
            ),
            Self::MeasureQuality => (
                "How well the measure is done: whether what it delivers serves the option it implements, not only whether it is finished.",
                "Done on paper: the result misses what the option needs (posts nobody answers, a community nobody moderates).",
                "Usable: it does the job with visible gaps to close.",
                "Done as the strategy needs it: users take it up and the benefit shows.",
            ),
        };
        Rubric {
            rates,
            low,
            middle,
            high,
        }
    }

    /// The rubric as hover text: what is rated, then what a 2, 5 and 8 look like.
    pub fn hover_text(self) -> String {
        let r = self.rubric();
        format!(
            "{}\n\n2 — {}\n5 — {}\n8 — {}",
            r.rates, r.low, r.middle, r.high
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rating_has_a_rubric_with_three_distinct_points() {
        for rating in Rating::ALL {
            let r = rating.rubric();
            for text in [r.rates, r.low, r.middle, r.high] {
                assert!(text.ends_with('.'), "{rating:?}: {text}");
            }
            assert!(r.low != r.middle && r.middle != r.high, "{rating:?}");
            let hover = rating.hover_text();
            assert!(
                hover.contains("\n2 — ") && hover.contains("\n5 — ") && hover.contains("\n8 — ")
            );
        }
        assert!(Rating::AlternativeQuality.rubric().rates.contains("parity"));
    }
}
