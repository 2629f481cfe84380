//! The workshop agenda of presentation mode: the pbsm steps in the method's order, one per
//! screen, each with the questions the facilitator puts to the room and an optional timer.

use super::layout::PaneKind;

/// One step of the agenda.
pub struct Step {
    /// The pane the step works in.
    pub pane: PaneKind,
    /// The step's title.
    pub title: &'static str,
    /// The questions for the room.
    pub questions: &'static [&'static str],
    /// Whether the alternatives map is shown beside the step's pane when presenting. The steps
    /// before the alternatives exist give their pane the whole width (a competition matrix, a
    /// table of options); the alternatives and the decision are about the map.
    pub beside_map: bool,
}

/// The agenda: foundation → … → management.
pub const STEPS: &[Step] = &[
    Step {
        pane: PaneKind::Foundation,
        title: "Business model and goals",
        questions: &[
            "Which modules make up our business model, and which goals must social media serve?",
            "How far can social media influence our market and each of our topics?",
        ],
        beside_map: false,
    },
    Step {
        pane: PaneKind::Potential,
        title: "Social media performance potential",
        questions: &[
            "Which usage formats (audience, community, network) could we build on, and how well would each hold against competitors?",
            "What benefit would users get — not our product's, the user's?",
        ],
        beside_map: false,
    },
    Step {
        pane: PaneKind::Benefit,
        title: "Corporate benefit",
        questions: &[
            "Per module: does social media support, change, threaten or create it?",
            "Which opportunities and risks follow for our business model?",
        ],
        beside_map: false,
    },
    Step {
        pane: PaneKind::Competition,
        title: "Competitive situation",
        questions: &[
            "Who competes with us on performance, and who for the same users' attention?",
            "Where can we perform above them, not just catch up?",
        ],
        beside_map: false,
    },
    Step {
        pane: PaneKind::Options,
        title: "Options for action",
        questions: &[
            "Topic → user benefit → usage format → participation → motivation → channels: what follows for each?",
            "Would each option give us a leading position, parity, or a weaker one?",
        ],
        beside_map: false,
    },
    Step {
        pane: PaneKind::Alternatives,
        title: "Strategy alternatives",
        questions: &[
            "Which bundles of options set truly different priorities (about three)?",
            "How strong is each on competitive quality, how risky, how costly?",
        ],
        beside_map: true,
    },
    Step {
        pane: PaneKind::Decision,
        title: "Preparing the decision",
        questions: &[
            "Which criteria matter, and how much?",
            "Which alternative leads, and how far would the weights have to move to change that?",
            "Where does the room lean (dot voting), and where does that differ from the ranking?",
        ],
        beside_map: true,
    },
    Step {
        pane: PaneKind::Management,
        title: "Strategy management",
        questions: &[
            "Which KPIs show that the chosen strategy works, and when do we look?",
            "Which assumptions must hold, and what would make us adapt?",
        ],
        beside_map: false,
    },
];

/// The timer's text: remaining time as m:ss, or time over as +m:ss.
pub fn timer_text(remaining_s: f64) -> String {
    let over = remaining_s < 0.0;
    let s = remaining_s.abs().round() as u64;
    format!("{}{}:{:02}", if over { "+" } else { "" }, s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_agenda_follows_the_method_and_every_step_asks_something() {
        let panes: Vec<_> = STEPS.iter().map(|s| s.pane).collect();
        let order: Vec<_> = PaneKind::ALL.iter().copied().take(8).collect();
        assert_eq!(panes, order);
        assert!(STEPS.iter().all(|s| !s.questions.is_empty()));
    }

    #[test]
    fn timer_counts_down_then_shows_overtime() {
        assert_eq!(timer_text(600.0), "10:00");
        assert_eq!(timer_text(61.4), "1:01");
        assert_eq!(timer_text(-75.0), "+1:15");
    }
}
