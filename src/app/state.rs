//! UI state beside the project: selection and what the panes need each frame.

use super::command::Command;
use crate::model::{Date, ItemKind, ItemRef};
use std::collections::HashMap;

/// The selected item of each kind (one per list), shared between panes and the map.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    selected: HashMap<ItemKind, ItemRef>,
    last: Option<ItemRef>,
}

impl Selection {
    /// Selects an item (replacing the selection of its kind).
    pub fn select(&mut self, item: ItemRef) {
        self.selected.insert(item.kind(), item);
        self.last = Some(item);
    }

    /// The item selected last, of any kind (the focus of the traceability view).
    pub fn last(&self) -> Option<ItemRef> {
        self.last
    }

    /// The selected item of a kind.
    pub fn get(&self, kind: ItemKind) -> Option<ItemRef> {
        self.selected.get(&kind).copied()
    }

    /// Forgets the selection of a kind.
    pub fn clear(&mut self, kind: ItemKind) {
        self.selected.remove(&kind);
    }

    /// Forgets every selection.
    pub fn clear_all(&mut self) {
        self.selected.clear();
        self.last = None;
    }

    /// Drops selections of items that no longer exist.
    pub fn retain_existing(&mut self, project: &crate::model::Project) {
        self.selected
            .retain(|_, item| crate::model::exists(project, *item));
        if self
            .last
            .is_some_and(|item| !crate::model::exists(project, item))
        {
            self.last = None;
        }
    }
}

/// Which section of a pane with several sections is showing. UI state only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections {
    /// Foundation pane.
    pub foundation: FoundationSection,
    /// Performance potential pane.
    pub potential: PotentialSection,
    /// Strategy management pane.
    pub management: ManagementSection,
    /// Competition pane.
    pub competition: CompetitionSection,
    /// The earlier rating date the competition pane compares the positions with (inside:
    /// `None` for the undated ratings); `None` for the default, the last re-rating.
    pub competition_since: Option<Option<Date>>,
    /// Decision pane.
    pub decision: DecisionSection,
    /// Traceability pane.
    pub trace: TraceSection,
    /// The measures on the map's axes (x, y).
    pub map_axes: (
        crate::model::CriterionMeasure,
        crate::model::CriterionMeasure,
    ),
    /// The voting round shown in the voting pane (the latest when none is chosen or it is gone).
    pub voting_round: Option<crate::model::VotingRoundId>,
    /// Whether the map shows the dots of a voting round on the bubbles.
    pub map_dots: bool,
    /// Whether the map shows where the room placed the alternatives (the latest placing round).
    pub map_room: bool,
}

/// Sections of the traceability pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TraceSection {
    /// The chain of one item.
    #[default]
    Chain,
    /// Options × benefits and alternatives × options.
    Matrix,
    /// Loose ends.
    Orphans,
}

/// Sections of the decision pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DecisionSection {
    /// Ranking, Pareto, budget, close call.
    #[default]
    Ranking,
    /// Criteria, weights, scenarios.
    Weights,
    /// Pairwise comparison (AHP).
    Pairwise,
    /// Rank-reversal thresholds.
    Sensitivity,
    /// Ranges and Monte Carlo rank acceptability.
    Robustness,
}

/// Sections of the competition pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompetitionSection {
    /// The strength matrix: us and every competitor per arena.
    #[default]
    Matrix,
    /// The competitors, one by one.
    Competitors,
    /// When each side was rated, re-rating, and how positions moved since an earlier rating.
    Ratings,
}

impl Default for Sections {
    fn default() -> Self {
        Self {
            foundation: FoundationSection::default(),
            potential: PotentialSection::default(),
            management: ManagementSection::default(),
            competition: CompetitionSection::default(),
            competition_since: None,
            decision: DecisionSection::default(),
            trace: TraceSection::default(),
            map_axes: (
                crate::model::CriterionMeasure::CompetitiveQuality,
                crate::model::CriterionMeasure::Risk,
            ),
            voting_round: None,
            map_dots: true,
            map_room: true,
        }
    }
}

impl Sections {
    /// Shows the section of its pane that lists items of a kind (the goals for a goal, the
    /// KPIs for a KPI), so that an item selected from elsewhere is on screen.
    pub fn show(&mut self, kind: ItemKind) {
        match kind {
            ItemKind::Module => self.foundation = FoundationSection::Modules,
            ItemKind::Goal => self.foundation = FoundationSection::Company,
            ItemKind::Topic => self.foundation = FoundationSection::Topics,
            ItemKind::UsageFormat => self.potential = PotentialSection::UsageFormats,
            ItemKind::ImpactFormat => self.potential = PotentialSection::ImpactFormats,
            ItemKind::Potential => self.potential = PotentialSection::ChangePotential,
            ItemKind::UserBenefit => self.potential = PotentialSection::UserBenefits,
            ItemKind::Competitor => self.competition = CompetitionSection::Competitors,
            ItemKind::Kpi => self.management = ManagementSection::Kpis,
            ItemKind::Assumption => self.management = ManagementSection::Assumptions,
            ItemKind::Measure => self.management = ManagementSection::Measures,
            ItemKind::Adaptation => self.management = ManagementSection::Adaptations,
            ItemKind::Integration => self.management = ManagementSection::Integration,
            ItemKind::Risk => self.management = ManagementSection::Risks,
            ItemKind::Criterion => self.decision = DecisionSection::Weights,
            ItemKind::Benefit | ItemKind::Option | ItemKind::Alternative => {}
        }
    }
}

/// Sections of the foundation pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FoundationSection {
    /// Company, goals, affinity.
    #[default]
    Company,
    /// Business-model modules.
    Modules,
    /// Topics and their affinity.
    Topics,
}

/// Sections of the performance potential pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PotentialSection {
    /// Usage formats.
    #[default]
    UsageFormats,
    /// Impact formats.
    ImpactFormats,
    /// Change potential per module.
    ChangePotential,
    /// User benefits.
    UserBenefits,
}

/// Sections of the strategy management pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ManagementSection {
    /// KPIs.
    #[default]
    Kpis,
    /// Everything due: reviews, overdue measures and changes, KPIs behind, triggers fired.
    Audit,
    /// Monitored assumptions.
    Assumptions,
    /// Monitored risks.
    Risks,
    /// Implementation measures.
    Measures,
    /// The integration of benefits into business processes.
    Integration,
    /// The record of the decision.
    Decision,
    /// Adaptation log.
    Adaptations,
    /// Kept versions of the strategy and the follow-up.
    Versions,
}

/// What a pane gets besides the project: the selection, where to put commands, today's date,
/// the derived numbers.
pub struct PaneEnv<'a> {
    /// Numbers derived from the project (scores, ranks, thresholds, acceptability).
    pub derived: &'a super::derived::Derived,
    /// The selection, shared by all panes.
    pub selection: &'a mut Selection,
    /// Commands to apply after the frame.
    pub commands: &'a mut Vec<Command>,
    /// Which section each pane shows.
    pub sections: &'a mut Sections,
    /// Today, for new dated items.
    pub today: Date,
    /// The open room, if any (the voting pane shows its panel).
    pub room: Option<&'a crate::app::room::RoomView>,
    /// What the facilitator picked for the next room.
    pub room_choices: &'a mut crate::app::room::RoomChoices,
    /// The addresses the room may listen on.
    pub interfaces: &'a [(String, std::net::IpAddr)],
    /// Whether presentation mode is on (the room panel is drawn larger).
    pub presenting: bool,
    /// Whether the panes show their guidance on the method (see [`crate::app::widgets::pane_header`]).
    pub guidance: bool,
}

impl PaneEnv<'_> {
    /// Queues a command.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The selected item of a kind.
    pub fn selected(&self, kind: ItemKind) -> Option<ItemRef> {
        self.selection.get(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;

    #[test]
    fn selecting_an_item_shows_the_section_that_lists_it() {
        let mut s = Sections {
            foundation: FoundationSection::Topics,
            management: ManagementSection::Versions,
            ..Sections::default()
        };
        s.show(ItemKind::Goal);
        assert_eq!(s.foundation, FoundationSection::Company);
        s.show(ItemKind::Kpi);
        assert_eq!(s.management, ManagementSection::Kpis);
        s.show(ItemKind::Potential);
        assert_eq!(s.potential, PotentialSection::ChangePotential);
        // Kinds with a pane of their own leave every section as it is.
        let before = s;
        for kind in [ItemKind::Benefit, ItemKind::Option, ItemKind::Alternative] {
            s.show(kind);
        }
        assert_eq!(s, before);
        for kind in ItemKind::ALL {
            s.show(*kind);
        }
    }
}
